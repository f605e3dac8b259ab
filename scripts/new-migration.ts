// npm run db:migration -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL from the schema as of the last
// migration (migrations/schema.snapshot.prisma) to prisma/schema.prisma. Needs no network and no
// native engine; a scratch embedded PostgreSQL gives the schema engine a connection.
import { mkdirSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { diffDatamodels, migrationsDir } from "../lib/db/migrations";

const name = process.argv[2]?.replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(1);
}

const snapshotPath = path.join(migrationsDir, "schema.snapshot.prisma");
const current = readFileSync("prisma/schema.prisma", "utf8");
const previous = readFileSync(snapshotPath, "utf8");
const scratch = path.join(os.tmpdir(), `switchboard-migration-${process.pid}`);
const db = await startEmbeddedPostgres({ dataDir: scratch, port: 55000 + (process.pid % 1000) });
try {
  const sql = await diffDatamodels({ connectionString: db.url, from: previous, to: current });
  if (!sql.trim() || /^-- This is an empty migration\.?\s*$/.test(sql.trim())) {
    console.log("schema.prisma matches the migrations: nothing to write.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    writeFileSync(snapshotPath, current);
    console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await db.stop();
  rmSync(scratch, { recursive: true, force: true });
}
