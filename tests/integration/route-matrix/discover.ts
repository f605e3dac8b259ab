import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// Every route handler and page in app/, read from the file tree, so a new one cannot slip past the
// route × role matrix unnoticed.

const appDir = path.resolve(import.meta.dirname, "../../../app");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

export type Method = (typeof METHODS)[number];

/** "METHOD /api/path/[param]" for every method every app/api/**\/route.ts exports. */
export function discoverRoutes(): string[] {
  return [...declaredPermissions().keys()];
}

/**
 * The permission each route handler declares in its first line,
 * `export const PATCH = route({ permission: "conversation.update", … }, …)`, keyed like
 * discoverRoutes(); undefined for a handler that does not go through route().
 */
export function declaredPermissions(): Map<string, string | undefined> {
  return new Map(
    files("route.ts").flatMap((file) => {
      const source = readFileSync(file, "utf8");
      return exportedMethods(source).map((method): [string, string | undefined] => [
        `${method} ${urlPath(file)}`,
        new RegExp(`export\\s+const\\s+${method}\\s*=\\s*route\\(\\s*\\{\\s*permission:\\s*"([^"]+)"`).exec(source)?.[1],
      ]);
    }),
  );
}

function exportedMethods(source: string): Method[] {
  return METHODS.filter((method) =>
    new RegExp(`export\\s+(const|async function|function)\\s+${method}\\b|\\bas\\s+${method}\\b`).test(source),
  );
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
