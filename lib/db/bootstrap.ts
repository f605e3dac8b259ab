import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded";
import { config, setDatabaseUrl } from "../config";
import { switchToAppRole } from "./app-role";
import { applyMigrations } from "./migrations";

// Brings the database up before anything else runs: DATABASE_URL when set, otherwise the embedded
// PostgreSQL under .data/postgres. Either way, pending migrations are applied, and from then on the
// app's own queries run as the application role (lib/db/app-role.ts).

/** `url` is the owner's connection: for migrations, pg-boss and maintenance, not for app queries. */
export type Database = { url: string; embedded: EmbeddedDatabase | null };

export async function bootstrapDatabase({ log = console.log } = {}): Promise<Database> {
  let embedded: EmbeddedDatabase | null = null;
  const settings = config().database;
  let url = settings.url;
  if (!url) {
    const started = Date.now();
    embedded = await startEmbeddedPostgres({ dataDir: path.resolve(settings.embeddedDir), port: settings.embeddedPort });
    url = embedded.url;
    setDatabaseUrl(url);
    log(`embedded PostgreSQL ready on ${new URL(url).port} (${Date.now() - started} ms)`);
  }
  const applied = await applyMigrations({ connectionString: url });
  if (applied.length) log(`applied migrations: ${applied.join(", ")}`);
  await switchToAppRole({ ownerUrl: url, log });
  return { url, embedded };
}
