// Loads .env files into process.env with Next's own loader, before anything reads a setting.
// Imported first by server.ts and every script, so values written in .env are honoured even for
// settings that have a development default (the defaults live in ./schema.ts, never in process.env).
// Like Next, from the directory Switchboard is started in (npm scripts run in the repository root).
import nextEnv from "@next/env";

// @next/env is CommonJS: its functions come through the default export under Node's ESM loader.
nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production", { info: () => {}, error: console.error });
