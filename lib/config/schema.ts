import { createHash } from "node:crypto";
import { z } from "zod";

// Every setting Switchboard reads, validated once. Development keeps a working default for each;
// production refuses to start on anything unsafe, with one line per problem (see parseConfig).
// This module is pure: it takes an environment object and returns a typed config or the problems.

export const DEVELOPMENT_AUTH_SECRET = "switchboard-local-development-secret";
export const DEVELOPMENT_AUDIT_KEY = "switchboard-local-development-audit-key";
// 32 bytes from a public phrase: development and tests only, refused in production.
export const DEVELOPMENT_SECRETS_KEY = createHash("sha256").update("switchboard-local-development-secrets-key").digest("hex");

// The simulator's own values: public, so they are only ever used in simulator mode.
export const simulatorDefaults = {
  appSecret: "switchboard-simulator-app-secret",
  verifyToken: "switchboard-verify-token",
  phoneNumberId: "100000000000001",
  wabaId: "200000000000001",
  accessToken: "simulator-access-token",
  appId: "300000000000001",
} as const;

// The simulator's Facebook Page (MESSENGER_*), signed with its own app secret, as a Page of another
// Meta app would be.
export const simulatorPageDefaults = {
  pageId: "400000000000001",
  pageAccessToken: "simulator-page-access-token",
  appSecret: "switchboard-simulator-page-app-secret",
  verifyToken: "switchboard-page-verify-token",
} as const;

const MIN_SECRET_LENGTH = 32;

export type WhatsAppMode = "simulator" | "cloud";

export type Config = {
  production: boolean;
  port: number;
  host: string;
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For (sign-in limits). */
  trustProxy: boolean;
  /** Where browsers reach Switchboard (NEXTAUTH_URL); https turns on HSTS and Secure cookies. */
  publicUrl: string;
  /** Where this process reaches itself (the simulator's Graph API in simulator mode). */
  internalUrl: string;
  auth: { secret: string; secureCookies: boolean };
  auditKey: string;
  /** AES-256-GCM keys for credentials stored in the database: the current one encrypts, all decrypt. */
  secrets: { current: Buffer; previous: Buffer[] };
  database: {
    /** Unset: an embedded PostgreSQL under `embeddedDir`. */
    url: string | null;
    poolSize: number;
    embeddedDir: string;
    embeddedPort: number;
  };
  whatsapp: {
    mode: WhatsAppMode;
    appSecret: string;
    verifyToken: string;
    phoneNumberId: string;
    wabaId: string;
    accessToken: string;
    /** The Meta app's id, for the Resumable Upload API (profile photos); null when not configured. */
    appId: string | null;
    graphUrl: string;
    /** How long a Graph call may take before Switchboard stops waiting for its answer. */
    graphTimeoutMs: number;
  };
  /** Sending (docs/architecture.md, "Sending"). */
  sending: {
    /** How long a send whose answer was lost waits for a receipt before it is "not confirmed". */
    confirmGraceMs: number;
    /** Retries of a send job after a definite, retryable refusal (throttling, Meta's transient errors). */
    retryLimit: number;
  };
  /**
   * The Facebook Page of the MESSENGER_* settings, or null when none is configured. The Graph API
   * is the one WhatsApp's calls go to (WHATSAPP_GRAPH_URL).
   */
  messenger: { pageId: string; pageAccessToken: string; appSecret: string; verifyToken: string; graphUrl: string } | null;
  seedDemo: boolean;
  retentionDays: number;
  mediaDir: string;
  simulatorMediaDir: string;
  redisUrl: string | null;
  smtp: { url: string; from: string } | null;
  /** /api/health reports "degraded" when more webhook bodies than this wait to be processed. */
  webhooks: { backlogDegraded: number };
};

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

type Env = Record<string, string | undefined>;

export function parseConfig(env: Env): ConfigResult {
  // An empty variable counts as unset, as in most dotenv tooling.
  const get = (name: string) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const production = env.NODE_ENV === "production";
  const problems: string[] = [];

  const port = integer(get("PORT") ?? "3000", "PORT", problems, { min: 1, max: 65535 });
  const publicUrl = (get("NEXTAUTH_URL") ?? `http://localhost:${port}`).replace(/\/+$/, "");
  if (!z.url({ protocol: /^https?$/ }).safeParse(publicUrl).success) {
    problems.push(`NEXTAUTH_URL must be an http(s) address, such as https://inbox.example.com (got "${publicUrl}").`);
  }

  const authSecret = secret({
    name: "NEXTAUTH_SECRET",
    value: get("NEXTAUTH_SECRET"),
    developmentValue: DEVELOPMENT_AUTH_SECRET,
    production,
    problems,
  });
  const auditKey = secret({ name: "AUDIT_KEY", value: get("AUDIT_KEY"), developmentValue: DEVELOPMENT_AUDIT_KEY, production, problems });

  const secretsKey = encryptionKey({ name: "SECRETS_KEY", value: get("SECRETS_KEY"), production, problems });
  const previousSecretsKeys = (get("SECRETS_KEY_PREVIOUS") ?? "")
    .split(",")
    .map((value) => value.trim())
    .filter(Boolean)
    .map((value) => encryptionKey({ name: "SECRETS_KEY_PREVIOUS", value, production: false, problems }));

  const modeValue = get("WHATSAPP_MODE") ?? (get("WHATSAPP_ACCESS_TOKEN") ? "cloud" : "simulator");
  let mode: WhatsAppMode = "simulator";
  if (modeValue === "simulator" || modeValue === "cloud") mode = modeValue;
  else problems.push(`WHATSAPP_MODE must be exactly "simulator" or "cloud" (got "${modeValue}").`);

  // In cloud mode nothing falls back to the simulator's public values: a missing app secret would
  // let anyone sign webhooks.
  const whatsappValue = (name: string, simulatorValue: string) => {
    const value = get(name);
    if (value) return value;
    if (mode === "cloud") problems.push(`${name} is required when WHATSAPP_MODE=cloud.`);
    return simulatorValue;
  };
  const whatsapp = {
    mode,
    appSecret: whatsappValue("WHATSAPP_APP_SECRET", simulatorDefaults.appSecret),
    verifyToken: whatsappValue("WHATSAPP_VERIFY_TOKEN", simulatorDefaults.verifyToken),
    phoneNumberId: whatsappValue("WHATSAPP_PHONE_NUMBER_ID", simulatorDefaults.phoneNumberId),
    wabaId: whatsappValue("WHATSAPP_WABA_ID", simulatorDefaults.wabaId),
    accessToken: whatsappValue("WHATSAPP_ACCESS_TOKEN", simulatorDefaults.accessToken),
    // Only the profile photo upload needs it, so cloud mode starts without it and the upload says so.
    appId: get("WHATSAPP_APP_ID") ?? (mode === "simulator" ? simulatorDefaults.appId : null),
    graphUrl: (
      get("WHATSAPP_GRAPH_URL") ??
      (mode === "simulator" ? `http://127.0.0.1:${port}/api/simulator/graph/v23.0` : "https://graph.facebook.com/v23.0")
    ).replace(/\/+$/, ""),
    graphTimeoutMs:
      1_000 * integer(get("WHATSAPP_GRAPH_TIMEOUT_SECONDS") ?? "20", "WHATSAPP_GRAPH_TIMEOUT_SECONDS", problems, { min: 1, max: 300 }),
  };
  const sending = {
    confirmGraceMs:
      1_000 * integer(get("SEND_CONFIRM_GRACE_SECONDS") ?? "300", "SEND_CONFIRM_GRACE_SECONDS", problems, { min: 1, max: 86_400 }),
    retryLimit: integer(get("SEND_RETRY_LIMIT") ?? "5", "SEND_RETRY_LIMIT", problems, { min: 0, max: 20 }),
  };
  // A send still waiting for its answer must not be called "not confirmed".
  if (sending.confirmGraceMs <= whatsapp.graphTimeoutMs) {
    problems.push(
      `SEND_CONFIRM_GRACE_SECONDS (${sending.confirmGraceMs / 1_000}) must be longer than WHATSAPP_GRAPH_TIMEOUT_SECONDS (${whatsapp.graphTimeoutMs / 1_000}).`,
    );
  }

  const messenger = messengerSettings({ get, mode, graphUrl: whatsapp.graphUrl, problems });

  const smtpUrl = get("SMTP_URL");
  const config: Config = {
    production,
    port,
    host: get("HOST") ?? "0.0.0.0",
    trustProxy: flag(get("TRUST_PROXY"), "TRUST_PROXY", problems),
    publicUrl,
    internalUrl: `http://127.0.0.1:${port}`,
    auth: { secret: authSecret, secureCookies: publicUrl.startsWith("https://") },
    auditKey,
    secrets: { current: secretsKey, previous: previousSecretsKeys },
    database: {
      url: get("DATABASE_URL") ?? null,
      poolSize: integer(get("DATABASE_POOL_SIZE") ?? "10", "DATABASE_POOL_SIZE", problems, { min: 1, max: 500 }),
      embeddedDir: get("EMBEDDED_PG_DIR") ?? ".data/postgres",
      embeddedPort: integer(get("EMBEDDED_PG_PORT") ?? "54329", "EMBEDDED_PG_PORT", problems, { min: 1, max: 65535 }),
    },
    whatsapp,
    sending,
    messenger,
    seedDemo: flag(get("SEED_DEMO"), "SEED_DEMO", problems),
    retentionDays: integer(get("RETENTION_DAYS") ?? "90", "RETENTION_DAYS", problems, { min: 1, max: 36500 }),
    mediaDir: get("MEDIA_DIR") ?? ".data/media",
    simulatorMediaDir: get("SIMULATOR_MEDIA_DIR") ?? ".data/simulator-media",
    redisUrl: get("REDIS_URL") ?? null,
    smtp: smtpUrl ? { url: smtpUrl, from: get("MAIL_FROM") ?? "Switchboard <no-reply@localhost>" } : null,
    webhooks: {
      backlogDegraded: integer(get("WEBHOOK_BACKLOG_DEGRADED") ?? "5000", "WEBHOOK_BACKLOG_DEGRADED", problems, {
        min: 1,
        max: 100_000_000,
      }),
    },
  };
  return problems.length ? { ok: false, problems } : { ok: true, config };
}

const messengerNames = ["MESSENGER_PAGE_ID", "MESSENGER_PAGE_ACCESS_TOKEN", "MESSENGER_APP_SECRET", "MESSENGER_VERIFY_TOKEN"] as const;

/**
 * The configured Facebook Page: all four MESSENGER_* settings or none. In simulator mode the
 * simulator's Page stands in for any left unset; in cloud mode a Page is optional, but one named
 * without all its credentials stops the start (a missing app secret would let anyone sign its
 * webhooks).
 */
function messengerSettings({
  get,
  mode,
  graphUrl,
  problems,
}: {
  get: (name: string) => string | undefined;
  mode: WhatsAppMode;
  graphUrl: string;
  problems: string[];
}): Config["messenger"] {
  const given = messengerNames.filter((name) => get(name));
  if (mode === "cloud" && given.length === 0) return null;
  if (mode === "cloud" && given.length < messengerNames.length) {
    const missing = messengerNames.filter((name) => !get(name));
    problems.push(`${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} required when any MESSENGER_* setting is set.`);
  }
  const pageId = get("MESSENGER_PAGE_ID") ?? simulatorPageDefaults.pageId;
  if (!/^\d{5,20}$/.test(pageId)) problems.push(`MESSENGER_PAGE_ID must be the Page's numeric id (got "${pageId}").`);
  return {
    pageId,
    pageAccessToken: get("MESSENGER_PAGE_ACCESS_TOKEN") ?? simulatorPageDefaults.pageAccessToken,
    appSecret: get("MESSENGER_APP_SECRET") ?? simulatorPageDefaults.appSecret,
    verifyToken: get("MESSENGER_VERIFY_TOKEN") ?? simulatorPageDefaults.verifyToken,
    graphUrl,
  };
}

function secret({
  name,
  value,
  developmentValue,
  production,
  problems,
}: {
  name: string;
  value: string | undefined;
  developmentValue: string;
  production: boolean;
  problems: string[];
}): string {
  if (!production) return value ?? developmentValue;
  if (!value)
    problems.push(
      `${name} is required in production: any random string of at least ${MIN_SECRET_LENGTH} characters (openssl rand -base64 32).`,
    );
  else if (value === developmentValue) problems.push(`${name} is the public development value: set your own (openssl rand -base64 32).`);
  else if (value.length < MIN_SECRET_LENGTH)
    problems.push(`${name} is ${value.length} characters long: use at least ${MIN_SECRET_LENGTH}.`);
  return value ?? developmentValue;
}

/** A 32-byte key given as 64 hexadecimal characters or in base64. */
function encryptionKey({
  name,
  value,
  production,
  problems,
}: {
  name: string;
  value: string | undefined;
  production: boolean;
  problems: string[];
}): Buffer {
  const development = Buffer.from(DEVELOPMENT_SECRETS_KEY, "hex");
  if (!value) {
    if (production) problems.push(`${name} is required in production: 32 random bytes as 64 hex characters (openssl rand -hex 32).`);
    return development;
  }
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  if (key.length !== 32 || (!/^[0-9a-f]{64}$/i.test(value) && key.toString("base64").replace(/=+$/, "") !== value.replace(/=+$/, ""))) {
    problems.push(`${name} must be 32 bytes, as 64 hex characters or in base64 (openssl rand -hex 32).`);
    return development;
  }
  if (production && key.equals(development)) problems.push(`${name} is the public development value: set your own (openssl rand -hex 32).`);
  return key;
}

function integer(value: string, name: string, problems: string[], { min, max }: { min: number; max: number }): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${value}").`);
    return min;
  }
  return number;
}

function flag(value: string | undefined, name: string, problems: string[]): boolean {
  if (value === undefined || value === "false") return false;
  if (value === "true") return true;
  problems.push(`${name} must be "true" or "false" (got "${value}").`);
  return false;
}

/** The effective configuration as start-up prints it: every secret replaced by whether it is set. */
export function describeConfig(config: Config): string[] {
  const hidden = (value: string) => `•••• (${value.length} characters)`;
  const database = config.database.url
    ? redactUrl(config.database.url)
    : `embedded PostgreSQL in ${config.database.embeddedDir} on port ${config.database.embeddedPort}`;
  return [
    `NODE_ENV=${config.production ? "production" : "development"}`,
    `PORT=${config.port} HOST=${config.host} TRUST_PROXY=${config.trustProxy}`,
    `NEXTAUTH_URL=${config.publicUrl}${config.auth.secureCookies ? " (Secure cookies, HSTS)" : ""}`,
    `NEXTAUTH_SECRET=${config.auth.secret === DEVELOPMENT_AUTH_SECRET ? "the development value" : hidden(config.auth.secret)}`,
    `AUDIT_KEY=${config.auditKey === DEVELOPMENT_AUDIT_KEY ? "the development value" : hidden(config.auditKey)}`,
    `SECRETS_KEY=${config.secrets.current.equals(Buffer.from(DEVELOPMENT_SECRETS_KEY, "hex")) ? "the development value" : "•••• (32 bytes)"}${config.secrets.previous.length ? ` SECRETS_KEY_PREVIOUS=${config.secrets.previous.length} key(s)` : ""}`,
    `DATABASE_URL=${database} (pool ${config.database.poolSize})`,
    `WHATSAPP_MODE=${config.whatsapp.mode} WHATSAPP_GRAPH_URL=${config.whatsapp.graphUrl}`,
    `WHATSAPP_PHONE_NUMBER_ID=${config.whatsapp.phoneNumberId} WHATSAPP_WABA_ID=${config.whatsapp.wabaId} WHATSAPP_APP_ID=${config.whatsapp.appId ?? "(unset)"}`,
    `WHATSAPP_APP_SECRET=${hidden(config.whatsapp.appSecret)} WHATSAPP_VERIFY_TOKEN=${hidden(config.whatsapp.verifyToken)} WHATSAPP_ACCESS_TOKEN=${hidden(config.whatsapp.accessToken)}`,
    `WHATSAPP_GRAPH_TIMEOUT_SECONDS=${config.whatsapp.graphTimeoutMs / 1_000} SEND_CONFIRM_GRACE_SECONDS=${config.sending.confirmGraceMs / 1_000} SEND_RETRY_LIMIT=${config.sending.retryLimit}`,
    config.messenger
      ? `MESSENGER_PAGE_ID=${config.messenger.pageId} MESSENGER_PAGE_ACCESS_TOKEN=${hidden(config.messenger.pageAccessToken)} MESSENGER_APP_SECRET=${hidden(config.messenger.appSecret)} MESSENGER_VERIFY_TOKEN=${hidden(config.messenger.verifyToken)}`
      : "MESSENGER_PAGE_ID=(unset: no Facebook Page from the configuration)",
    `SEED_DEMO=${config.seedDemo} RETENTION_DAYS=${config.retentionDays} MEDIA_DIR=${config.mediaDir} WEBHOOK_BACKLOG_DEGRADED=${config.webhooks.backlogDegraded}`,
    `REDIS_URL=${config.redisUrl ? redactUrl(config.redisUrl) : "unset"} SMTP_URL=${config.smtp ? redactUrl(config.smtp.url) : "unset"}`,
  ];
}

function redactUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = "redacted";
    return url.toString();
  } catch {
    return "•••• (not a URL)";
  }
}
