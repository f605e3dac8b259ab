import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

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

export type OpenSchemaEngine = { engine: SchemaEngine; close: () => Promise<void> };

/**
 * The engine plus close(), which must be called when done. The engine holds Prisma's migration
 * advisory lock on a pooled connection and freeing the wasm engine does not release it; only
 * ending the pool does. Left open, the lock outlives the call until the pool's idle timeout, and
 * another process starting meanwhile (scale-out, a restart) times out waiting for it.
 */
export async function openSchemaEngine({
  connectionString,
  datamodel,
}: {
  connectionString: string;
  datamodel?: string;
}): Promise<OpenSchemaEngine> {
  const wasm = await loadWasm();
  const pool = new pg.Pool({ connectionString });
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
  const datamodels: [string, string][] | undefined = datamodel ? [["schema.prisma", datamodel]] : undefined;
  try {
    const engine = await wasm.SchemaEngine.new({ datamodels }, () => {}, adapter);
    return {
      engine,
      close: async () => {
        engine.free();
        await pool.end();
      },
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
}

export const noFilters = { externalTables: [], externalEnums: [] };
