import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

// Prisma's schema engine compiled to WebAssembly, driven through the pg adapter: migrations and
// diffs with no native binary and no network. Node 20 cannot import a .wasm module, so it is
// instantiated by hand with the package's JS glue as its imports.

type SchemaEngineModule = typeof import("@prisma/schema-engine-wasm");
export type SchemaEngine = Awaited<ReturnType<SchemaEngineModule["SchemaEngine"]["new"]>>;

let loaded: Promise<SchemaEngineModule> | undefined;

function loadWasm(): Promise<SchemaEngineModule> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const dir = path.dirname(gluePath);
    const glue = await import(pathToFileURL(gluePath).href);
    const bytes = await readFile(path.join(dir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
    return glue as SchemaEngineModule;
  })();
  return loaded;
}

export async function openSchemaEngine({
  connectionString,
  datamodel,
}: {
  connectionString: string;
  datamodel?: string;
}): Promise<SchemaEngine> {
  const wasm = await loadWasm();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString }));
  const datamodels: [string, string][] | undefined = datamodel ? [["schema.prisma", datamodel]] : undefined;
  return wasm.SchemaEngine.new({ datamodels }, () => {}, adapter);
}

export const noFilters = { externalTables: [], externalEnums: [] };
