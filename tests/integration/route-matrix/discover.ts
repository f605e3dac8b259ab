import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// Every route handler and page in app/, read from the file tree, so a new one cannot slip past the
// route × role matrix unnoticed.

const appDir = path.resolve(import.meta.dirname, "../../../app");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

export type Method = (typeof METHODS)[number];

/** "METHOD /api/path/[param]" for every method every app/api/**\/route.ts exports. */
export function discoverRoutes(): string[] {
  return files("route.ts").flatMap((file) => {
    const source = readFileSync(file, "utf8");
    const exported = METHODS.filter((method) =>
      new RegExp(`export\\s+(const|async function|function)\\s+${method}\\b|\\bas\\s+${method}\\b`).test(source),
    );
    return exported.map((method) => `${method} ${urlPath(file)}`);
  });
}

/** The URL path of every page (route groups such as (workspace) removed). */
export function discoverPages(): string[] {
  return files("page.tsx").map(urlPath);
}

function urlPath(file: string): string {
  const segments = path
    .relative(appDir, path.dirname(file))
    .split(path.sep)
    .filter((segment) => segment && !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

function files(name: string, dir = appDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return files(name, full);
    return entry.name === name ? [full] : [];
  });
}
