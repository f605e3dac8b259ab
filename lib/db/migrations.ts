import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { openSchemaEngine, noFilters } from "./schema-engine";

export const prismaDir = path.resolve(process.cwd(), "prisma");
export const migrationsDir = path.join(prismaDir, "migrations");

// The migrations folder in the shape the schema engine expects (Prisma's own folder format);
// with `until`, only the migrations up to and including that one (to test a migration on data).
export function readMigrationsList({ until }: { until?: string } = {}) {
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const dirs = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .filter((name) => until === undefined || name <= until)
        .sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

/** Applies every pending migration; returns the names of those applied. */
export async function applyMigrations({ connectionString, until }: { connectionString: string; until?: string }): Promise<string[]> {
  const { engine, close } = await openSchemaEngine({ connectionString });
  try {
    const result = await engine.applyMigrations({ migrationsList: readMigrationsList({ until }), filters: noFilters });
    return result.appliedMigrationNames;
  } finally {
    await close();
  }
}

/** SQL that turns the datamodel `from` (or an empty database) into the datamodel `to`. */
export async function diffDatamodels({
  connectionString,
  from,
  to,
}: {
  connectionString: string;
  from?: string;
  to: string;
}): Promise<string> {
  const { engine, close } = await openSchemaEngine({ connectionString });
  try {
    const fromTarget = from
      ? { tag: "schemaDatamodel" as const, files: [{ path: "schema.prisma", content: from }] }
      : { tag: "empty" as const };
    const result = await engine.diff({
      from: fromTarget,
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: to }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return result.stdout ?? "";
  } finally {
    await close();
  }
}
