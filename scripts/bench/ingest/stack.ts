import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../../../lib/db/embedded";
import { freePort, startServerProcess, type ServerProcess } from "../../lib/server-process";

// The processes under test: a fresh embedded PostgreSQL (with pg_stat_statements loaded, so every
// run can count statements per event) and the production server as a child process.

export const root = path.resolve(import.meta.dirname, "../../..");
export const distDir = ".next-bench";

export const settings = {
  appSecret: "bench-app-secret",
  verifyToken: "bench-verify-token",
  phoneNumberId: "109876500000001",
  wabaId: "209876500000001",
  nextAuthSecret: "bench-nextauth-secret-bench-nextauth-secret",
};

/** Builds the production app into .next-bench unless a build is there (or `force`). */
export async function ensureBuild({ force }: { force: boolean }): Promise<void> {
  if (!force && existsSync(path.join(root, distDir, "BUILD_ID"))) return;
  console.log(`building the production app into ${distDir}/ …`);
  // next build adds its dist folder's type globs to tsconfig.json; put the file back as it was.
  const tsconfigPath = path.join(root, "tsconfig.json");
  const tsconfig = readFileSync(tsconfigPath, "utf8");
  try {
    await run(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
      ...process.env,
      NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: "1",
    });
  } finally {
    if (readFileSync(tsconfigPath, "utf8") !== tsconfig) writeFileSync(tsconfigPath, tsconfig);
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

export type BenchDatabase = { url: string; name: string; postmasterPid: number; stop: () => Promise<void> };

/** A fresh PostgreSQL cluster in a temp dir on a free port, with pg_stat_statements loaded. */
export async function startDatabase({ name }: { name: string }): Promise<BenchDatabase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `switchboard-bench-${name}-`));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as the "postgres" user, who must reach it
  const dataDir = path.join(dir, "pg");
  const port = await freePort();
  let database = await startEmbeddedPostgres({ dataDir, port, database: name });
  // Loading a library needs a restart: set it, then start the same data directory again.
  await withClient(database.url, async (client) => {
    await client.query("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
    // Planning time too: statements sent unprepared are planned on every call.
    await client.query("ALTER SYSTEM SET pg_stat_statements.track_planning = on");
  });
  await database.stop();
  database = await startEmbeddedPostgres({ dataDir, port, database: name });
  await withClient(database.url, (client) => client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements"));
  const postmasterPid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  const stopped = database.stop;
  return {
    url: database.url,
    name,
    postmasterPid,
    stop: async () => {
      await stopped().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export type BenchServer = ServerProcess;

/** The production server (simulator mode, demo seed) on a free port; resolves once it is healthy. */
export function startServer({
  databaseUrl,
  poolSize,
  logPath,
  cpuProfileDir,
}: {
  databaseUrl: string;
  poolSize: number;
  logPath: string;
  /** When set, the server writes a V8 CPU profile there as it exits. */
  cpuProfileDir?: string;
}): Promise<BenchServer> {
  return startServerProcess({
    distDir,
    logPath,
    // --cpu-prof is not allowed in NODE_OPTIONS, so node itself runs with tsx's loader.
    nodeArgs: cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${cpuProfileDir}`, "--import", "tsx", "server.ts"] : undefined,
    env: {
      NEXTAUTH_SECRET: settings.nextAuthSecret,
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: String(poolSize),
      SEED_DEMO: "true",
      WHATSAPP_APP_SECRET: settings.appSecret,
      WHATSAPP_VERIFY_TOKEN: settings.verifyToken,
      WHATSAPP_PHONE_NUMBER_ID: settings.phoneNumberId,
      WHATSAPP_WABA_ID: settings.wabaId,
      ...(cpuProfileDir ? { TSX_TSCONFIG_PATH: "tsconfig.server.json" } : {}),
    },
  });
}

export { freePort };
