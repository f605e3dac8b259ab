import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { distDir, freePort, root } from "../ingest/stack";

// The production server (as `npm start` runs it) on a free loopback port, against the database
// that holds the large seed. It shares that database with whatever else uses it (a dev server).

export type InboxServer = { baseUrl: string; pid: number; stop: () => Promise<void> };

export async function startServer({ databaseUrl, logPath }: { databaseUrl: string; logPath: string }): Promise<InboxServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = createWriteStream(logPath, { flags: "a" });
  const server: ChildProcess = spawn(
    process.execPath,
    [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--tsconfig", "tsconfig.server.json", "server.ts"],
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
        DATABASE_URL: databaseUrl,
        WHATSAPP_MODE: "simulator",
        WHATSAPP_GRAPH_URL: "",
        REDIS_URL: "",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  server.stdout?.pipe(log, { end: false });
  server.stderr?.pipe(log, { end: false });
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
    await waitForHealth(baseUrl, server, logPath);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, pid: server.pid!, stop };
}

async function waitForHealth(baseUrl: string, server: ChildProcess, logPath: string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}; see ${logPath}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not become healthy within 90 s; see ${logPath}`);
}

/** Source files changed after the build in .next-bench: the build would not measure them. */
export function newerThanBuild(): string[] {
  const buildId = path.join(root, distDir, "BUILD_ID");
  if (!existsSync(buildId)) return [];
  const builtAt = statSync(buildId).mtimeMs;
  const newer: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated" && entry.name !== "node_modules") walk(full);
      } else if (/\.(ts|tsx|css)$/.test(entry.name) && statSync(full).mtimeMs > builtAt) {
        newer.push(path.relative(root, full));
      }
    }
  };
  for (const dir of ["app", "components", "lib"]) if (existsSync(path.join(root, dir))) walk(path.join(root, dir));
  return newer;
}
