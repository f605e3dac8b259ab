import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import net from "node:net";
import path from "node:path";

// The built server (production mode, simulator on, as `npm start` runs it) as a child process on a
// free loopback port: what the test suites and the benchmarks talk to over real HTTP.

export const root = path.resolve(import.meta.dirname, "../..");

export type ServerProcess = { baseUrl: string; pid: number; stop: () => Promise<void> };

export async function startServerProcess({
  distDir,
  env,
  logPath,
  nodeArgs,
}: {
  /** Where `next build` put the app (NEXT_DIST_DIR). */
  distDir: string;
  env: Record<string, string>;
  logPath: string;
  /** Replaces the default `tsx server.ts` command line (e.g. to add --cpu-prof). */
  nodeArgs?: string[];
}): Promise<ServerProcess> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = createWriteStream(logPath, { flags: "a" });
  const server: ChildProcess = spawn(
    process.execPath,
    nodeArgs ?? [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--tsconfig", "tsconfig.server.json", "server.ts"],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_DIST_DIR: distDir,
        NEXT_TELEMETRY_DISABLED: "1",
        PORT: String(port),
        HOST: "127.0.0.1",
        NEXTAUTH_URL: baseUrl,
        WHATSAPP_MODE: "simulator",
        // Production refuses to start without its own secrets: fresh ones for every run.
        NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
        AUDIT_KEY: randomBytes(32).toString("base64url"),
        SECRETS_KEY: randomBytes(32).toString("hex"),
        // Empty: the defaults (the built-in simulator on this port, no Redis), whatever the shell has.
        WHATSAPP_GRAPH_URL: "",
        REDIS_URL: "",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  server.stdout?.pipe(log, { end: false });
  server.stderr?.pipe(log, { end: false });
  // "close" comes after the child's output is drained, unlike "exit".
  const closed = new Promise<void>((resolve) => server.once("close", () => resolve()));
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill("SIGTERM");
      const timer = setTimeout(() => server.kill("SIGKILL"), 15_000);
      await closed;
      clearTimeout(timer);
    }
    log.end();
  };
  try {
    await waitForHealth({ baseUrl, server, logPath });
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, pid: server.pid!, stop };
}

async function waitForHealth({ baseUrl, server, logPath }: { baseUrl: string; server: ChildProcess; logPath: string }) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode}; see ${logPath}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not become healthy within 90 s; see ${logPath}`);
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
