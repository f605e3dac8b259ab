import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../lib/db/embedded";
import { freePort, root, startServerProcess, type ServerProcess } from "../lib/server-process";

// What the chaos runs break: a PostgreSQL cluster of their own (stopped and started again on the
// same data), built servers run as single processes so SIGKILL ends them outright, and Redis when
// two instances share the work.

export const chaosSettings = {
  appSecret: "chaos-app-secret",
  verifyToken: "chaos-verify-token",
  phoneNumberId: "109876500000777",
  wabaId: "209876500000777",
  // One key for every instance, so they agree on the database role's password and the audit chain.
  auditKey: "chaos-audit-key-0123456789abcdef0123456789abcdef",
};

export type ChaosDatabase = { url: string; stop: () => Promise<void>; start: () => Promise<void>; remove: () => Promise<void> };

export async function startChaosDatabase(name: string): Promise<ChaosDatabase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `switchboard-chaos-${name}-`));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as the "postgres" user, who must reach it
  const dataDir = path.join(dir, "pg");
  const port = await freePort();
  let running: EmbeddedDatabase | null = await startEmbeddedPostgres({ dataDir, port, database: name });
  const url = running.url;
  return {
    url,
    stop: async () => {
      await running?.stop();
      running = null;
    },
    start: async () => {
      running ??= await startEmbeddedPostgres({ dataDir, port, database: name });
    },
    remove: async () => {
      await running?.stop().catch(() => undefined);
      running = null;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type ChaosServer = ServerProcess & { kill: () => Promise<void> };

/** The built server as one process (node with tsx's loader, no wrapper), so SIGKILL leaves nothing behind. */
export async function startChaosServer({
  databaseUrl,
  distDir,
  logPath,
  env = {},
}: {
  databaseUrl: string;
  distDir: string;
  logPath: string;
  env?: Record<string, string>;
}): Promise<ChaosServer> {
  mkdirSync(path.dirname(logPath), { recursive: true });
  const server = await startServerProcess({
    distDir,
    logPath,
    nodeArgs: ["--import", "tsx", "server.ts"],
    env: {
      TSX_TSCONFIG_PATH: "tsconfig.server.json",
      DATABASE_URL: databaseUrl,
      SEED_DEMO: "true",
      AUDIT_KEY: chaosSettings.auditKey,
      WHATSAPP_APP_SECRET: chaosSettings.appSecret,
      WHATSAPP_VERIFY_TOKEN: chaosSettings.verifyToken,
      WHATSAPP_PHONE_NUMBER_ID: chaosSettings.phoneNumberId,
      WHATSAPP_WABA_ID: chaosSettings.wabaId,
      ...env,
    },
  });
  return {
    ...server,
    kill: async () => {
      try {
        process.kill(server.pid, "SIGKILL");
      } catch {
        // already gone
      }
      await server.stop();
    },
  };
}

export type ChaosRedis = { url: string; stop: () => Promise<void> };

export async function startRedis(): Promise<ChaosRedis> {
  const binary = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"].find((candidate) => existsSync(candidate));
  if (!binary) throw new Error("redis-server is needed for two instances: apt-get install -y redis-server");
  const port = await freePort();
  const redis: ChildProcess = spawn(binary, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
  await waitForPort(port);
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (redis.exitCode !== null) return;
      const exited = new Promise((resolve) => redis.once("exit", resolve));
      redis.kill();
      await exited;
    },
  };
}

async function waitForPort(port: number) {
  const net = await import("node:net");
  for (let attempt = 0; attempt < 100; attempt++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.end(), resolve(true)));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nothing listens on port ${port}`);
}

export { root };
