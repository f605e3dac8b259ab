import { createHash, createHmac, pbkdf2Sync, randomBytes } from "node:crypto";
import pg from "pg";
import { config, setDatabaseUrl } from "../config";

// Switchboard's queries run as "switchboard_app" (created by the migrations without LOGIN): it may
// read and write every table but only INSERT into "AuditEvent", and, not owning it, cannot disable
// or drop its triggers. The owner connection (DATABASE_URL, or the embedded superuser) is kept for
// migrations, this set-up and pg-boss, which manages its own schema.

export const APP_ROLE = "switchboard_app";
// Two instances starting together would otherwise race on the same catalog rows ("tuple
// concurrently updated").
const SETUP_LOCK = 727_002;

/** The role's password, derived from AUDIT_KEY so every instance agrees without another secret. */
export function appRolePassword(auditKey: string): string {
  return createHmac("sha256", auditKey).update("switchboard_app database role").digest("hex");
}

/** The owner's address with the application role's name and password in it. */
export function appRoleUrl(ownerUrl: string, auditKey: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = appRolePassword(auditKey);
  // Names the connections in pg_stat_activity, next to pg-boss's "switchboard-jobs".
  url.searchParams.set("application_name", "switchboard");
  return url.toString();
}

/**
 * Lets the application role log in (once; later starts find it working) and points the app's
 * database clients at it. Without the right to alter roles, production stops with what to grant;
 * development warns and carries on as the owner.
 */
export async function switchToAppRole({ ownerUrl, log = console.log }: { ownerUrl: string; log?: (line: string) => void }): Promise<void> {
  const { auditKey, production } = config();
  const appUrl = appRoleUrl(ownerUrl, auditKey);
  if (!(await canConnect(appUrl))) {
    try {
      await asOwner(ownerUrl, (client) =>
        client.query(`ALTER ROLE ${APP_ROLE} LOGIN PASSWORD '${scramVerifier(appRolePassword(auditKey))}'`),
      );
    } catch (error) {
      if ((error as { code?: string }).code !== "42501") throw error;
      const owner = decodeURIComponent(new URL(ownerUrl).username) || "the DATABASE_URL user";
      const problem = `The database user "${owner}" may not set up the role ${APP_ROLE}: as a superuser, run ALTER ROLE "${owner}" CREATEROLE; GRANT ${APP_ROLE} TO "${owner}" WITH ADMIN OPTION; then start again.`;
      if (production) {
        console.error(problem);
        process.exit(1);
      }
      console.warn(`${problem} Development carries on as "${owner}", so the audit trail is not protected from the application.`);
      return;
    }
    if (!(await canConnect(appUrl)))
      throw new Error(`The role ${APP_ROLE} still cannot log in: check that pg_hba.conf lets it connect with a password.`);
    log(`the application now connects as ${APP_ROLE}`);
  }
  setDatabaseUrl(appUrl);
}

/**
 * pg-boss creates its schema as the owner, but jobs are also written inside the app's Prisma
 * transactions (see lib/jobs/queue.ts), so the application role needs its tables too. Call after
 * the queue has started and created its queues; later partitions are covered by default privileges.
 */
export async function grantJobQueueToAppRole({ ownerUrl }: { ownerUrl: string }): Promise<void> {
  await asOwner(ownerUrl, async (client) => {
    await client.query(`GRANT USAGE ON SCHEMA pgboss TO ${APP_ROLE}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA pgboss TO ${APP_ROLE}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA pgboss TO ${APP_ROLE}`);
    await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA pgboss GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}`);
    await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA pgboss GRANT USAGE, SELECT ON SEQUENCES TO ${APP_ROLE}`);
  });
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    return true;
  } catch (error) {
    // 28P01: wrong password, 28000: not allowed to log in (NOLOGIN). Anything else is a real problem.
    if (/^28/.test(String((error as { code?: string }).code))) return false;
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Runs `work` in one transaction on the owner connection, holding the set-up lock. */
async function asOwner(ownerUrl: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [SETUP_LOCK]);
    await work(client);
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
}

/**
 * The password as PostgreSQL stores it (SCRAM-SHA-256, RFC 5802/7677), computed here as psql's
 * \password does, so the password itself never reaches the server's logs or pg_stat_statements.
 */
export function scramVerifier(password: string, salt: Buffer = randomBytes(16), iterations = 4096): string {
  const salted = pbkdf2Sync(password, salt, iterations, 32, "sha256");
  const clientKey = createHmac("sha256", salted).update("Client Key").digest();
  const storedKey = createHash("sha256").update(clientKey).digest();
  const serverKey = createHmac("sha256", salted).update("Server Key").digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString("base64")}$${storedKey.toString("base64")}:${serverKey.toString("base64")}`;
}
