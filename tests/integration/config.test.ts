import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { afterAll, describe, expect, inject, it } from "vitest";
import { DEVELOPMENT_AUTH_SECRET, DEVELOPMENT_SECRETS_KEY } from "@/lib/config/schema";
import { db, disconnectDb } from "@/lib/db/client";
import { root } from "../../scripts/lib/server-process";
import { baseUrl } from "../support/http";

// Production refuses unsafe configuration before it opens a port: each case below starts the real
// server.ts with NODE_ENV=production and expects a non-zero exit with one line naming the problem.
// Values in a .env file are read before any default applies.

afterAll(() => disconnectDb());

const goodSecret = "a-production-secret-of-more-than-32-characters";
const secretsKey = "5f".repeat(32);
const safe = {
  NODE_ENV: "production",
  NEXTAUTH_SECRET: goodSecret,
  AUDIT_KEY: `${goodSecret}-audit`,
  SECRETS_KEY: secretsKey,
  WHATSAPP_MODE: "simulator",
};
const cloud = {
  WHATSAPP_MODE: "cloud",
  WHATSAPP_APP_SECRET: "app-secret",
  WHATSAPP_ACCESS_TOKEN: "access-token",
  WHATSAPP_VERIFY_TOKEN: "verify-token",
  WHATSAPP_PHONE_NUMBER_ID: "1234",
  WHATSAPP_WABA_ID: "5678",
};

type Started = { code: number | null; output: string };

/** Runs server.ts in `cwd` with exactly `env` (plus PATH) until it exits or prints `until`. */
function runServer({ env, cwd = root, until }: { env: Record<string, string>; cwd?: string; until?: RegExp }): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(root, "node_modules/tsx/dist/cli.mjs"),
        "--tsconfig",
        path.join(root, "tsconfig.server.json"),
        path.join(root, "server.ts"),
      ],
      {
        cwd,
        env: {
          NODE_ENV: "development",
          PATH: process.env.PATH,
          NEXT_TELEMETRY_DISABLED: "1",
          DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none",
          ...env,
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server.ts neither exited nor printed ${until} within 30 s:\n${output}`));
    }, 30_000);
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (until?.test(output)) child.kill("SIGKILL");
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe.concurrent("production refuses unsafe configuration", () => {
  it.each([
    ["NEXTAUTH_SECRET missing", { NEXTAUTH_SECRET: "" }, /NEXTAUTH_SECRET is required in production/],
    ["NEXTAUTH_SECRET too short", { NEXTAUTH_SECRET: "short-secret" }, /NEXTAUTH_SECRET is 12 characters long: use at least 32/],
    [
      "NEXTAUTH_SECRET the development value",
      { NEXTAUTH_SECRET: DEVELOPMENT_AUTH_SECRET },
      /NEXTAUTH_SECRET is the public development value/,
    ],
    ["AUDIT_KEY missing", { AUDIT_KEY: "" }, /AUDIT_KEY is required in production/],
    ["SECRETS_KEY missing", { SECRETS_KEY: "" }, /SECRETS_KEY is required in production/],
    ["SECRETS_KEY not 32 bytes", { SECRETS_KEY: "abcd" }, /SECRETS_KEY must be 32 bytes, as 64 hex characters or in base64/],
    ["SECRETS_KEY the development value", { SECRETS_KEY: DEVELOPMENT_SECRETS_KEY }, /SECRETS_KEY is the public development value/],
    ["WHATSAPP_MODE not exact", { WHATSAPP_MODE: "Cloud" }, /WHATSAPP_MODE must be exactly "simulator" or "cloud" \(got "Cloud"\)/],
    ["cloud without an app secret", { ...cloud, WHATSAPP_APP_SECRET: "" }, /WHATSAPP_APP_SECRET is required when WHATSAPP_MODE=cloud/],
    [
      "cloud without an access token",
      { ...cloud, WHATSAPP_ACCESS_TOKEN: "" },
      /WHATSAPP_ACCESS_TOKEN is required when WHATSAPP_MODE=cloud/,
    ],
    ["cloud without a verify token", { ...cloud, WHATSAPP_VERIFY_TOKEN: "" }, /WHATSAPP_VERIFY_TOKEN is required when WHATSAPP_MODE=cloud/],
    [
      "cloud without the ids",
      { ...cloud, WHATSAPP_PHONE_NUMBER_ID: "", WHATSAPP_WABA_ID: "" },
      /WHATSAPP_PHONE_NUMBER_ID is required[\s\S]*WHATSAPP_WABA_ID is required/,
    ],
  ])("%s: exits non-zero with its message", async (_name, override, message) => {
    const { code, output } = await runServer({ env: { ...safe, ...override } });
    expect(code, output).toBe(1);
    expect(output).toMatch(message);
    expect(output).toMatch(/Configuration error: /);
    expect(output).not.toMatch(/ready on/);
  });

  it("lists every problem at once, one line each", async () => {
    const { code, output } = await runServer({ env: { NODE_ENV: "production", WHATSAPP_MODE: "cloud" } });
    expect(code).toBe(1);
    const lines = output.split("\n").filter((line) => line.startsWith("Configuration error: "));
    expect(lines.length).toBeGreaterThanOrEqual(7);
  });
});

describe(".env files", () => {
  it("are honoured, including for settings that have a development default", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "switchboard-env-"));
    try {
      // Were .env read after the defaults, this secret would be ignored and the start would pass.
      writeFileSync(path.join(dir, ".env"), `NEXTAUTH_SECRET=from-dotenv\nAUDIT_KEY=${goodSecret}\n`);
      const refused = await runServer({ cwd: dir, env: { NODE_ENV: "production" } });
      expect(refused.code).toBe(1);
      expect(refused.output).toMatch(/NEXTAUTH_SECRET is 11 characters long/);

      writeFileSync(
        path.join(dir, ".env"),
        [
          `NEXTAUTH_SECRET=${goodSecret}`,
          `AUDIT_KEY=${goodSecret}`,
          `SECRETS_KEY=${secretsKey}`,
          "RETENTION_DAYS=7",
          "WHATSAPP_MODE=cloud",
          ...Object.entries(cloud)
            .slice(1)
            .map(([k, v]) => `${k}=${v}`),
        ].join("\n"),
      );
      const started = await runServer({ cwd: dir, env: { NODE_ENV: "production" }, until: /DATABASE_URL=/ });
      expect(started.output).toMatch(/WHATSAPP_MODE=cloud/);
      expect(started.output).toMatch(/RETENTION_DAYS=7/);
      // Printed redacted: the values never appear.
      expect(started.output).toMatch(/NEXTAUTH_SECRET=•••• \(46 characters\)/);
      expect(started.output).not.toContain(goodSecret);
      expect(started.output).not.toContain("access-token");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("session cookies", () => {
  it("refuses a session minted with the public development secret, and accepts the same one minted with the server's", async () => {
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@example.com" } });
    const claims = { sub: admin.id, role: "ADMIN", sv: admin.sessionVersion, name: admin.name, email: admin.email };
    const ask = async (secret: string) => {
      const token = await encode({ token: claims, secret });
      return (await fetch(`${baseUrl()}/api/conversations`, { headers: { cookie: `next-auth.session-token=${token}` } })).status;
    };
    expect(await ask(DEVELOPMENT_AUTH_SECRET)).toBe(401);
    expect(await ask(inject("nextAuthSecret"))).toBe(200);
  });
});
