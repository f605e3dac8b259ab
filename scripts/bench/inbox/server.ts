import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { startServerProcess, type ServerProcess } from "../../lib/server-process";
import { distDir, root } from "../ingest/stack";

// The production server (as `npm start` runs it) on a free loopback port, against the database
// that holds the large seed. It shares that database with whatever else uses it (a dev server).

export type InboxServer = ServerProcess;

export function startServer({ databaseUrl, logPath }: { databaseUrl: string; logPath: string }): Promise<InboxServer> {
  return startServerProcess({ distDir, logPath, env: { DATABASE_URL: databaseUrl } });
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
