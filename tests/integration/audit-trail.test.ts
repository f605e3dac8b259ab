import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chainHash, GENESIS, KEYED, KEYED_V2, LEGACY } from "@/lib/audit/chain";
import { CHAIN_LOCK } from "@/lib/audit/record-audit";
import { appRoleUrl } from "@/lib/db/app-role";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { signInCookie } from "../../scripts/lib/sign-in";
import { freePort, settings, startServer } from "../support/stack";

// The audit trail against its own database and server, since these tests rewrite the trail (as a
// database superuser would) and must not break the shared suite's chain meanwhile. The server runs
// as the application role; the owner connection here plays the attacker and the operator.

const dataDir = mkdtempSync(path.join(os.tmpdir(), "switchboard-audit-"));
let database: EmbeddedDatabase;
let server: { baseUrl: string; stop: () => Promise<void> };
let owner: pg.Client;
let admin: string;

beforeAll(async () => {
  chmodSync(dataDir, 0o755);
  database = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port: await freePort(), database: "switchboard_audit" });
  server = await startServer({ databaseUrl: database.url, logName: "audit-trail.log" });
  owner = new pg.Client({ connectionString: database.url });
  await owner.connect();
  admin = await signInCookie(server.baseUrl, "admin@example.com");
  // A few keyed events to tamper with (the sign-in above is one).
  for (const name of ["audit red", "audit green", "audit blue"]) {
    const response = await call("/api/labels", { method: "POST", body: JSON.stringify({ name, color: "red" }) });
    expect(response.status).toBe(201);
  }
}, 120_000);

afterAll(async () => {
  await owner?.end();
  await server?.stop();
  await database?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function call(url: string, init: RequestInit = {}, cookie = admin) {
  return fetch(`${server.baseUrl}${url}`, { ...init, headers: { "content-type": "application/json", cookie } });
}

async function asApp<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: appRoleUrl(database.url, settings.auditKey) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe("the application's database role", () => {
  it("is what the server's own queries run as", async () => {
    expect((await call("/api/audit/verify")).status).toBe(200);
    const { rows } = await owner.query<{ usename: string; application_name: string }>(
      `SELECT usename, application_name FROM pg_stat_activity
       WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
    );
    // Everything but pg-boss (which manages its own schema as the owner) is the application role.
    const app = rows.filter((row) => row.usename === "switchboard_app");
    expect(app.length).toBeGreaterThan(0);
    expect(app.filter((row) => row.application_name !== "switchboard")).toEqual([]);
    expect(rows.filter((row) => row.usename !== "switchboard_app" && row.application_name !== "switchboard-jobs")).toEqual([]);
  });

  it("may add audit events but not change, delete or unprotect them", async () => {
    const [event] = (await owner.query<{ id: string }>(`SELECT id FROM "AuditEvent" ORDER BY seq LIMIT 1`)).rows;
    expect(event).toBeDefined();
    await asApp(async (app) => {
      expect((await app.query("SELECT current_user AS name")).rows[0].name).toBe("switchboard_app");
      // Inserting is allowed (rolled back, so the chain stays whole).
      await app.query("BEGIN");
      const inserted = await app.query(
        `INSERT INTO "AuditEvent" (id, "actorLabel", action, "targetType", "targetId", "prevHash", hash) VALUES ('probe', 'test', 'probe', 'probe', 'probe', 'x', 'probe-hash')`,
      );
      expect(inserted.rowCount).toBe(1);
      await app.query("ROLLBACK");

      await expect(app.query(`UPDATE "AuditEvent" SET reason = 'edited' WHERE id = $1`, [event!.id])).rejects.toThrow(/permission denied/);
      await expect(app.query(`DELETE FROM "AuditEvent" WHERE id = $1`, [event!.id])).rejects.toThrow(/permission denied/);
      await expect(app.query(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner/);
      await expect(app.query(`DROP TRIGGER "AuditEvent_no_update_or_delete" ON "AuditEvent"`)).rejects.toThrow(/must be owner/);
      await expect(app.query(`SELECT count(*) FROM "_prisma_migrations"`)).rejects.toThrow(/permission denied/);
    });
    const { rows } = await owner.query(`SELECT reason FROM "AuditEvent" WHERE id = $1`, [event!.id]);
    expect(rows[0].reason).not.toBe("edited");
  });

  it("holds exactly SELECT and INSERT on the trail, new columns included", async () => {
    const { rows } = await owner.query<{ privilege_type: string }>(
      `SELECT privilege_type FROM information_schema.role_table_grants
       WHERE grantee = 'switchboard_app' AND table_name = 'AuditEvent' ORDER BY privilege_type`,
    );
    expect(rows.map((row) => row.privilege_type).filter((p) => !["REFERENCES", "TRIGGER"].includes(p))).toEqual(["INSERT", "SELECT"]);
    await asApp(async (app) => {
      await expect(app.query(`UPDATE "AuditEvent" SET ip = '198.51.100.1'`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`UPDATE "AuditEvent" SET "searchText" = ''`)).rejects.toThrow(/permission denied/);
    });
  });
});

describe("the client address and the target's name", () => {
  it("are recorded for events from requests and from sign-in, hashed with them, and searchable", async () => {
    const rows = await trail();
    const fromRequests = rows.filter((row) => row.action === "label.created" || row.action === "auth.signed_in");
    expect(fromRequests.length).toBeGreaterThanOrEqual(4);
    for (const row of fromRequests)
      expect(row).toMatchObject({ ip: expect.stringMatching(/^(::ffff:)?127\.0\.0\.1$|^::1$/), hashAlgorithm: KEYED_V2 });
    expect(rows.find((row) => row.action === "auth.signed_in")).toMatchObject({ actorLabel: "Ada Admin", targetLabel: "Ada Admin" });
    const label = rows.find((row) => row.action === "label.created")!;
    const { rows: search } = await owner.query(`SELECT "searchText" FROM "AuditEvent" WHERE id = $1`, [label.id]);
    expect(search[0].searchText).toContain(label.ip);
    expect(search[0].searchText).toContain("audit red");
  });

  it("are covered by the chain: an address changed in the database names that event", async () => {
    const rows = await trail();
    const target = rows.find((row) => row.action === "label.created")!;
    const verified = await whileRewritten([{ ...target, ip: "198.51.100.23" }], verifyNow);
    expect(verified).toMatchObject({ ok: false, brokenEventId: target.id, problem: "hash_mismatch", brokenEvent: { ip: "198.51.100.23" } });
    expect(await verifyNow()).toMatchObject({ ok: true });
  });

  it("are covered by the chain: a target renamed in the database names that event", async () => {
    const target = (await trail()).find((row) => row.targetLabel !== null)!;
    const verified = await whileRewritten([{ ...target, targetLabel: "Someone Else" }], verifyNow);
    expect(verified).toMatchObject({ ok: false, brokenEventId: target.id, problem: "hash_mismatch" });
  });
});

type Row = {
  id: string;
  seq: string;
  prevHash: string;
  hash: string;
  hashAlgorithm: string;
  reason: string | null;
  ip: string | null;
} & Record<string, unknown>;

async function trail(): Promise<Row[]> {
  const { rows } = await owner.query<Row>(`SELECT * FROM "AuditEvent" ORDER BY seq`);
  return rows;
}

/**
 * Rewrites events as a database superuser can: the append-only trigger off for one transaction.
 * The chain's lock is held meanwhile and until `then` has run (the check over HTTP), so the server
 * appends nothing to the rewritten chain; the original rows are put back afterwards.
 */
async function whileRewritten<T>(changes: Partial<Row>[], then: () => Promise<T>): Promise<T> {
  await owner.query("SELECT pg_advisory_lock($1)", [CHAIN_LOCK]);
  const original = await trail();
  try {
    await rewrite(changes);
    return await then();
  } finally {
    await rewrite(original);
    await owner.query("SELECT pg_advisory_unlock($1)", [CHAIN_LOCK]);
  }
}

async function rewrite(rows: Partial<Row>[]) {
  await owner.query("BEGIN");
  await owner.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_or_delete"`);
  for (const row of rows) {
    await owner.query(
      `UPDATE "AuditEvent" SET reason = $2, "prevHash" = $3, hash = $4, "hashAlgorithm" = $5, ip = $6, "targetLabel" = $7 WHERE id = $1`,
      [row.id, row.reason, row.prevHash, row.hash, row.hashAlgorithm, row.ip, row.targetLabel],
    );
  }
  await owner.query(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_update_or_delete"`);
  await owner.query("COMMIT");
}

/**
 * The rows from `from` on, re-hashed with plain SHA-256 (no key), linked onto the row before; their
 * addresses and target names dropped, as plain SHA-256 never covered them.
 */
function rehashedWithoutKey(rows: Row[], from: number, label: string): Row[] {
  let prevHash = from === 0 ? GENESIS : rows[from - 1]!.hash;
  return rows.slice(from).map((row) => {
    const content = {
      actorId: row.actorId as string | null,
      actorLabel: row.actorLabel as string,
      action: row.action as string,
      targetType: row.targetType as string,
      targetId: row.targetId as string,
      reason: row.reason,
      before: row.before,
      after: row.after,
      createdAt: row.createdAt as Date,
      ip: null,
      targetLabel: null,
    };
    const hash = chainHash({ algorithm: LEGACY, key: "", prevHash, content });
    const rewritten = { ...row, prevHash, hash, hashAlgorithm: label, ip: null, targetLabel: null };
    prevHash = hash;
    return rewritten;
  });
}

async function verifyNow() {
  const response = await call("/api/audit/verify", { method: "POST" });
  expect(response.status).toBe(201);
  return response.json();
}

describe("verifying the chain", () => {
  it("passes the untouched trail and counts every event", async () => {
    const rows = await trail();
    expect(rows.every((row) => row.hashAlgorithm === KEYED_V2)).toBe(true);
    expect(await verifyNow()).toMatchObject({
      ok: true,
      events: rows.length,
      trigger: "admin",
      actorName: "Ada Admin",
      brokenEventId: null,
    });
  });

  it("names an event whose reason was changed, shows it, and passes again once restored", async () => {
    const rows = await trail();
    const target = rows[2]!;
    const result = await whileRewritten([{ ...target, reason: "nothing to see here" }], async () => {
      const verified = await verifyNow();
      const listed = await (await call("/api/audit/verify")).json();
      const page = await (await call("/settings/audit")).text();
      return { verified, listed, page };
    });
    expect(result.verified).toMatchObject({
      ok: false,
      events: 2,
      brokenEventId: target.id,
      brokenSeq: String(target.seq),
      problem: "hash_mismatch",
      brokenEvent: { id: target.id, reason: "nothing to see here" },
    });
    // GET answers the latest check in the contract's shape, with the ones before it.
    expect(result.listed).toMatchObject({
      id: result.verified.id,
      ok: false,
      checked: 2,
      firstBroken: { id: target.id, seq: String(target.seq), problem: "hash_mismatch", event: { id: target.id } },
    });
    expect(result.listed.history[0]).toMatchObject({
      id: result.verified.id,
      ok: false,
      brokenEventId: target.id,
      problem: "hash_mismatch",
    });
    expect(result.page).toContain(`Broken at event #${target.seq}`);
    expect(result.page).toContain("Hash mismatch");
    expect(await verifyNow()).toMatchObject({ ok: true, events: rows.length });
  });

  it.each([
    ["keeping the keyed label", KEYED_V2, "hash_mismatch"],
    ["labelled as keyed without an address", KEYED, "hash_mismatch"],
    ["labelled as unkeyed", LEGACY, "algorithm_downgrade"],
  ])("catches a tail re-hashed with plain SHA-256, %s", async (_name, label, problem) => {
    const rows = await trail();
    const rewritten = rehashedWithoutKey(rows, 2, label);
    const verified = await whileRewritten(rewritten, verifyNow);
    expect(verified).toMatchObject({ ok: false, brokenEventId: rows[2]!.id, problem });
  });

  it("catches the whole trail re-hashed with plain SHA-256 and labelled as written before the key", async () => {
    const rows = await trail();
    const verified = await whileRewritten(rehashedWithoutKey(rows, 0, LEGACY), verifyNow);
    expect(verified).toMatchObject({ ok: false, brokenEventId: rows[rows.length - 1]!.id, problem: "unsealed_legacy" });
    expect(await verifyNow()).toMatchObject({ ok: true });
  });

  it("is for admins: a manager may neither run nor read it", async () => {
    const manager = await signInCookie(server.baseUrl, "manager@example.com");
    expect((await call("/api/audit/verify", { method: "POST" }, manager)).status).toBe(403);
    expect((await call("/api/audit/verify", {}, manager)).status).toBe(403);
    expect((await fetch(`${server.baseUrl}/api/audit/verify`, { method: "POST" })).status).toBe(401);
  });
});

describe("the daily jobs", () => {
  let boss: PgBoss;
  beforeAll(async () => {
    // A producer only: the server's workers take the jobs, as they would the daily schedule's.
    boss = new PgBoss({ connectionString: database.url, supervise: false, schedule: false, migrate: false });
    await boss.start();
  });
  afterAll(() => boss?.stop({ graceful: false }));

  async function eventually<T>(probe: () => Promise<T | null | undefined>): Promise<T> {
    for (let attempt = 0; attempt < 120; attempt++) {
      const value = await probe();
      if (value) return value;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error("The job did not finish within 30 s");
  }

  it("verifies the chain and records it as the schedule's", async () => {
    const since = new Date();
    await boss.send("audit.verify-chain", {});
    const row = await eventually(async () => {
      const { rows } = await owner.query(`SELECT * FROM "AuditVerification" WHERE trigger = 'schedule' AND "finishedAt" >= $1`, [since]);
      return rows[0];
    });
    expect(row).toMatchObject({ ok: true, actorId: null, brokenEventId: null });
    expect(row.events).toBe((await trail()).length);
  });

  it("purges expired webhook bodies and receipts as the application role", async () => {
    const old = new Date(Date.now() - 200 * 24 * 60 * 60 * 1000);
    const { rows: channels } = await owner.query<{ id: string }>(`SELECT id FROM "Channel" WHERE "phoneNumberId" = $1`, [
      settings.phoneNumberId,
    ]);
    await owner.query(
      `INSERT INTO "WebhookEvent" (id, payload, state, "receivedAt") VALUES ('old-processed', '{}', 'PROCESSED', $1), ('old-failed', '{}', 'FAILED', $1)`,
      [old],
    );
    await owner.query(
      `INSERT INTO "MessageStatusEvent" (id, "channelId", "externalId", status, timestamp, payload, "createdAt") VALUES ('old-receipt', $1, 'wamid.audit-old', 'read', $2, '{}', $2)`,
      [channels[0]!.id, old],
    );
    await boss.send("retention.purge-expired", {});
    await eventually(async () => {
      const { rowCount } = await owner.query(`SELECT 1 FROM "MessageStatusEvent" WHERE id = 'old-receipt'`);
      return rowCount === 0;
    });
    const { rows } = await owner.query(`SELECT id FROM "WebhookEvent" WHERE id IN ('old-processed', 'old-failed')`);
    expect(rows).toEqual([{ id: "old-failed" }]);
  });
});
