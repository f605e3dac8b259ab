import { parseConfig, type Config, type ConfigResult } from "./schema";

export type { Config, WhatsAppMode } from "./schema";

// The one module that reads process.env (after lib/config/load-env.ts has loaded .env files). The
// parsed config lives on globalThis, because Next bundles route handlers apart from server.ts and
// both must see the same values, including the database address chosen at start-up.

const holder = globalThis as unknown as { switchboardConfig?: Config };

/** The validated configuration. Throws, listing every problem, when the environment is unsafe. */
export function config(): Config {
  return (holder.switchboardConfig ??= load());
}

/** The environment checked without throwing: server.ts prints each problem and stops. */
export function checkConfig(): ConfigResult {
  return parseConfig(process.env);
}

/** Parses process.env again (after a test changes it). */
export function reloadConfig(): Config {
  holder.switchboardConfig = undefined;
  return config();
}

/** Records the database chosen at start-up (the embedded one, or the application's own role). */
export function setDatabaseUrl(url: string): void {
  const current = config();
  holder.switchboardConfig = { ...current, database: { ...current.database, url } };
}

function load(): Config {
  const result = parseConfig(process.env);
  if (!result.ok) throw new Error(`Switchboard's configuration is not valid:\n${result.problems.map((line) => `  - ${line}`).join("\n")}`);
  // next-auth reads these two itself.
  process.env.NEXTAUTH_URL = result.config.publicUrl;
  process.env.NEXTAUTH_SECRET = result.config.auth.secret;
  return result.config;
}
