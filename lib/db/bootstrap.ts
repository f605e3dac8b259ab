import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded";
import { applyMigrations } from "./migrations";

// Brings the database up before anything else runs: DATABASE_URL when set, otherwise the embedded
// PostgreSQL under .data/postgres. Either way, pending migrations are applied.

export type Database = { url: string; embedded: EmbeddedDatabase | null };

export async function bootstrapDatabase({ log = console.log } = {}): Promise<Database> {
  let embedded: EmbeddedDatabase | null = null;
  if (!process.env.DATABASE_URL) {
    const started = Date.now();
    embedded = await startEmbeddedPostgres({
      dataDir: process.env.EMBEDDED_PG_DIR ?? path.resolve(".data/postgres"),
      port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
    });
    process.env.DATABASE_URL = embedded.url;
    log(`embedded PostgreSQL ready on ${new URL(embedded.url).port} (${Date.now() - started} ms)`);
  }
  const applied = await applyMigrations({ connectionString: process.env.DATABASE_URL! });
  if (applied.length) log(`applied migrations: ${applied.join(", ")}`);
  return { url: process.env.DATABASE_URL!, embedded };
}
