import { describe, expect, it } from "vitest";
import { DEVELOPMENT_AUTH_SECRET, describeConfig, parseConfig, simulatorDefaults } from "@/lib/config/schema";

const secret = "x".repeat(32);
const key = "3c".repeat(32);
const base64Key = Buffer.alloc(32, 7).toString("base64");

describe("parseConfig", () => {
  it("gives development a working default for everything", () => {
    const result = parseConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      production: false,
      port: 3000,
      publicUrl: "http://localhost:3000",
      auth: { secret: DEVELOPMENT_AUTH_SECRET, secureCookies: false },
      whatsapp: { mode: "simulator", appSecret: simulatorDefaults.appSecret, graphUrl: "http://127.0.0.1:3000/api/simulator/graph/v23.0" },
      retentionDays: 90,
      seedDemo: false,
      sending: { confirmGraceMs: 300_000, retryLimit: 5 },
      webhooks: { backlogDegraded: 5000 },
    });
    expect(result.config.whatsapp.graphTimeoutMs).toBe(20_000);
  });

  it("refuses a confirmation grace that a Graph call could outlast", () => {
    expect(parseConfig({ SEND_CONFIRM_GRACE_SECONDS: "6", WHATSAPP_GRAPH_TIMEOUT_SECONDS: "3", SEND_RETRY_LIMIT: "0" })).toMatchObject({
      ok: true,
      config: { whatsapp: { graphTimeoutMs: 3_000 }, sending: { confirmGraceMs: 6_000, retryLimit: 0 } },
    });
    const result = parseConfig({ SEND_CONFIRM_GRACE_SECONDS: "20" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(["SEND_CONFIRM_GRACE_SECONDS (20) must be longer than WHATSAPP_GRAPH_TIMEOUT_SECONDS (20)."]);
  });

  it.each([
    [{ NODE_ENV: "production", NEXTAUTH_SECRET: secret, AUDIT_KEY: secret, SECRETS_KEY: key }, []],
    [{ NODE_ENV: "production", NEXTAUTH_SECRET: secret, AUDIT_KEY: secret, SECRETS_KEY: base64Key }, []],
    [{ NODE_ENV: "production", AUDIT_KEY: secret, SECRETS_KEY: key }, ["NEXTAUTH_SECRET is required in production"]],
    [{ NODE_ENV: "production", NEXTAUTH_SECRET: secret, AUDIT_KEY: "short", SECRETS_KEY: key }, ["AUDIT_KEY is 5 characters long"]],
    [
      { NODE_ENV: "production", NEXTAUTH_SECRET: DEVELOPMENT_AUTH_SECRET, AUDIT_KEY: secret, SECRETS_KEY: key },
      ["NEXTAUTH_SECRET is the public development value"],
    ],
    [{ NODE_ENV: "production", NEXTAUTH_SECRET: secret, AUDIT_KEY: secret }, ["SECRETS_KEY is required in production"]],
    [
      { NODE_ENV: "production", NEXTAUTH_SECRET: secret, AUDIT_KEY: secret, SECRETS_KEY: "ab".repeat(31) },
      ["SECRETS_KEY must be 32 bytes"],
    ],
    [{ SECRETS_KEY_PREVIOUS: `${key},not-a-key` }, ["SECRETS_KEY_PREVIOUS must be 32 bytes"]],
    // Cloud mode never falls back to the simulator's public values, in development either.
    [
      {
        WHATSAPP_MODE: "cloud",
        WHATSAPP_ACCESS_TOKEN: "t",
        WHATSAPP_VERIFY_TOKEN: "v",
        WHATSAPP_PHONE_NUMBER_ID: "1",
        WHATSAPP_WABA_ID: "2",
      },
      ["WHATSAPP_APP_SECRET is required when WHATSAPP_MODE=cloud"],
    ],
    [{ WHATSAPP_MODE: "CLOUD" }, ['WHATSAPP_MODE must be exactly "simulator" or "cloud"']],
    [{ PORT: "eighty" }, ["PORT must be a whole number"]],
    [{ RETENTION_DAYS: "0" }, ["RETENTION_DAYS must be a whole number from 1"]],
    [{ WEBHOOK_BACKLOG_DEGRADED: "many" }, ["WEBHOOK_BACKLOG_DEGRADED must be a whole number from 1"]],
    [{ SEED_DEMO: "yes" }, ['SEED_DEMO must be "true" or "false"']],
    [{ NEXTAUTH_URL: "ftp://example.com" }, ["NEXTAUTH_URL must be an http(s) address"]],
  ])("%o → %o", (env, expected) => {
    const result = parseConfig(env);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toHaveLength(expected.length);
    expected.forEach((start, index) => expect(problems[index]).toContain(start));
  });

  it("chooses cloud mode when an access token is given, and reads the public URL's scheme for cookies", () => {
    const result = parseConfig({
      WHATSAPP_ACCESS_TOKEN: "t",
      WHATSAPP_APP_SECRET: "a",
      WHATSAPP_VERIFY_TOKEN: "v",
      WHATSAPP_PHONE_NUMBER_ID: "1",
      WHATSAPP_WABA_ID: "2",
      NEXTAUTH_URL: "https://inbox.example.com/",
    });
    expect(result.ok && result.config.whatsapp).toMatchObject({ mode: "cloud", graphUrl: "https://graph.facebook.com/v23.0" });
    expect(result.ok && result.config.publicUrl).toBe("https://inbox.example.com");
    expect(result.ok && result.config.auth.secureCookies).toBe(true);
  });

  it("never prints a secret", () => {
    const result = parseConfig({
      NODE_ENV: "production",
      NEXTAUTH_SECRET: `${secret}-session`,
      AUDIT_KEY: `${secret}-audit`,
      SECRETS_KEY: key,
      DATABASE_URL: "postgresql://app:hunter2hunter2@db:5432/sb",
      SMTP_URL: "smtp://mail:pa55word@smtp:587",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const printed = describeConfig(result.config).join("\n");
    for (const hidden of [`${secret}-session`, `${secret}-audit`, key, "hunter2hunter2", "pa55word", simulatorDefaults.appSecret])
      expect(printed).not.toContain(hidden);
    expect(printed).toContain("postgresql://app:redacted@db:5432/sb");
  });
});
