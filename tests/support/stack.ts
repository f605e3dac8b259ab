import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../lib/db/embedded";

// Starts what the integration and e2e suites talk to: a fresh embedded PostgreSQL and the built
// Switchboard server (production mode, simulator on) on free ports. Server output goes to
// test-results/<suite>-server.log.

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
    appSecret: string;
    verifyToken: string;
    phoneNumberId: string;
    wabaId: string;
  }
}

const root = path.resolve(import.meta.dirname, "../..");
const distDir = process.env.TEST_DIST_DIR ?? ".next";

export default async function setup(project: TestProject) {
  if (!existsSync(path.join(root, distDir, "BUILD_ID"))) {
    throw new Error(`No test build in ${distDir}/: run "npm run test:build" first (npm test does it for you).`);
  }
  const suite = project.name;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `switchboard-${suite}-`));
  chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as the "postgres" user, who must reach it
  const dbPort = await freePort();
  const database = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port: dbPort, database: "switchboard_test" });

  const running = await startServer({ databaseUrl: database.url, logName: `${suite}-server.log` });

  project.provide("baseUrl", running.baseUrl);
  project.provide("databaseUrl", database.url);
  project.provide("appSecret", settings.appSecret);
  project.provide("verifyToken", settings.verifyToken);
  project.provide("phoneNumberId", settings.phoneNumberId);
  project.provide("wabaId", settings.wabaId);

  return async () => {
    await running.stop();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

export const settings = {
  appSecret: "test-app-secret",
  verifyToken: "test-verify-token",
  phoneNumberId: "109876543210001",
  wabaId: "209876543210001",
};

/** Starts the built server (production mode, simulator on) on a free port against `databaseUrl`. */
export async function startServer({
  databaseUrl,
  logName,
  env = {},
}: {
  databaseUrl: string;
  logName: string;
  env?: Record<string, string>;
}): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const appPort = await freePort();
  mkdirSync(path.join(root, "test-results"), { recursive: true });
  const log = createWriteStream(path.join(root, "test-results", logName));
  const server: ChildProcess = spawn(
    process.execPath,
    [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--tsconfig", "tsconfig.server.json", "server.ts"],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_DIST_DIR: distDir,
        PORT: String(appPort),
        HOST: "127.0.0.1",
        NEXTAUTH_URL: `http://127.0.0.1:${appPort}`,
        DATABASE_URL: databaseUrl,
        SEED_DEMO: "true",
        WHATSAPP_MODE: "simulator",
        WHATSAPP_APP_SECRET: settings.appSecret,
        WHATSAPP_VERIFY_TOKEN: settings.verifyToken,
        WHATSAPP_PHONE_NUMBER_ID: settings.phoneNumberId,
        WHATSAPP_WABA_ID: settings.wabaId,
        WHATSAPP_GRAPH_URL: "",
        REDIS_URL: "",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  const baseUrl = `http://127.0.0.1:${appPort}`;
  await waitForHealth(baseUrl, server);
  return {
    baseUrl,
    stop: async () => {
      if (server.exitCode !== null) return;
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve).once("error", resolve));
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl: string, server: ChildProcess) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode}; see test-results/*-server.log`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("The server did not become healthy within 90 s; see test-results/*-server.log");
}
