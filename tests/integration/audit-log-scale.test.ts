import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditConditions } from "@/lib/audit/audit-query";
import { chainHash, finishChain, GENESIS, KEYED, startChain, stepChain, type ChainEvent } from "@/lib/audit/chain";
import { Prisma } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrations";
import { scratchDatabase } from "../support/scratch-database";

// The audit log's migration and search on a database of their own: the migration that added the
// client address and search text, run over events written before it, and the search's speed over
// 100,000 events, measured with the audit log's own SQL (lib/audit/audit-query.ts).

const BEFORE_SEARCH = "20261130203735_accounts_sessions_and_audit_role";
const KEY = "scale-test-audit-key-0123456789abcdef";
let database: Awaited<ReturnType<typeof scratchDatabase>>;
let client: pg.Client;

beforeAll(async () => {
  database = await scratchDatabase("switchboard_audit_scale");
  await applyMigrations({ connectionString: database.url, until: BEFORE_SEARCH });
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
}, 60_000);

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

describe("the migration adding the address and the search text", () => {
  it("fills the search text of earlier events, keeps them verifiable and the app role's grants", async () => {
    // Three keyed events as Switchboard wrote them before the migration (no address, no target name).
    let prevHash = GENESIS;
    for (const [index, role] of ["AGENT", "MANAGER", "ADMIN"].entries()) {
      const content = {
        actorId: null,
        actorLabel: "Ada Admin",
        action: "user.role_changed",
        targetType: "user",
        targetId: `user-${index}`,
        reason: index === 1 ? "promoted for the night shift" : null,
        before: { role: "AGENT" },
        after: { role },
        createdAt: new Date(Date.UTC(2026, 10, 20, 12, index)),
        ip: null,
        targetLabel: null,
      };
      const hash = chainHash({ algorithm: KEYED, key: KEY, prevHash, content });
      await client.query(
        `INSERT INTO "AuditEvent" (id, "actorLabel", action, "targetType", "targetId", reason, before, after, "createdAt", "prevHash", hash, "hashAlgorithm")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          `old-${index}`,
          content.actorLabel,
          content.action,
          content.targetType,
          content.targetId,
          content.reason,
          content.before,
          content.after,
          content.createdAt,
          prevHash,
          hash,
          KEYED,
        ],
      );
      prevHash = hash;
    }

    // Every later migration applies too; this one is among them.
    expect(await applyMigrations({ connectionString: database.url })).toEqual(
      expect.arrayContaining([expect.stringMatching(/_audit_log_ip_and_search$/)]),
    );

    const { rows } = await client.query<ChainEvent & { searchText: string }>(`SELECT * FROM "AuditEvent" ORDER BY seq`);
    expect(rows).toHaveLength(3);
    expect(rows[1]!.searchText).toContain("promoted for the night shift");
    expect(rows[2]!.searchText).toContain('"ADMIN"');
    expect(rows.every((row) => row.ip === null && row.targetLabel === null)).toBe(true);
    let state = startChain();
    for (const row of rows) {
      const step = stepChain(state, { ...row, seq: BigInt(row.seq) }, KEY);
      if ("broken" in step) throw new Error(`event ${row.id} broke: ${step.broken.problem}`);
      state = step.state;
    }
    expect(finishChain(state)).toBeNull();

    const { rows: grants } = await client.query<{ privilege_type: string }>(
      `SELECT privilege_type FROM information_schema.role_table_grants
       WHERE grantee = 'switchboard_app' AND table_name = 'AuditEvent' AND privilege_type IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE')
       ORDER BY privilege_type`,
    );
    expect(grants.map((row) => row.privilege_type)).toEqual(["INSERT", "SELECT"]);
    // The append-only trigger is back on.
    await expect(client.query(`UPDATE "AuditEvent" SET reason = 'x'`)).rejects.toThrow(/append-only/);
  });
});

describe("search at 100,000 events", () => {
  const EVENTS = 100_000;
  const actions = ["auth.signed_in", "user.role_changed", "label.created", "canned_response.saved", "contact.blocked", "invite.created"];

  beforeAll(async () => {
    // Varied text: 50 actors, 5,000 targets, a reason on every tenth event, JSON with hex noise.
    await client.query(
      `INSERT INTO "AuditEvent" (id, "actorId", "actorLabel", action, "targetType", "targetId", "targetLabel", reason, before, after, "createdAt", "prevHash", hash, "hashAlgorithm", ip)
       SELECT 'bulk-' || g, 'u' || (g % 50), 'Person ' || (g % 50) || ' ' || left(md5((g % 50)::text), 6),
              ($1::text[])[1 + g % 6], 'user', md5(g::text), 'Target ' || (g % 5000),
              CASE WHEN g % 10 = 0 THEN 'reason ' || md5((g * 7)::text) END,
              jsonb_build_object('role', 'AGENT', 'note', md5((g * 3)::text)),
              jsonb_build_object('role', 'MANAGER', 'note', md5((g * 5)::text), 'limits', jsonb_build_object('open', g % 20)),
              now() - make_interval(secs => $2 - g), 'bulk-prev-' || g, 'bulk-hash-' || g, 'hmac-sha256-v2',
              '10.' || (g % 256) || '.' || ((g / 256) % 256) || '.' || (g % 7)
       FROM generate_series(1, $2::int) AS g`,
      [actions, EVENTS],
    );
    await client.query(`ANALYZE "AuditEvent"`);
  }, 300_000);

  async function time(filter: Parameters<typeof auditConditions>[0], { index = true } = {}) {
    const where = auditConditions(filter);
    const sql = Prisma.sql`SELECT "id", "seq" FROM "AuditEvent" WHERE ${Prisma.join(where, " AND ")} ORDER BY "seq" DESC LIMIT 51`;
    const runs: number[] = [];
    let found = 0;
    await client.query("BEGIN");
    // Without the index: the same query, walking the table instead.
    if (!index) await client.query("SET LOCAL enable_bitmapscan = off");
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      found = (await client.query(sql.text, sql.values)).rowCount ?? 0;
      runs.push(performance.now() - started);
    }
    await client.query("COMMIT");
    runs.sort((a, b) => a - b);
    return { medianMs: Math.round(runs[2]! * 10) / 10, found };
  }

  it("answers each search well under a second", async () => {
    const rare = (await client.query(`SELECT left(md5((77777 * 3)::text), 12) AS term`)).rows[0].term as string;
    const cases: [string, Parameters<typeof auditConditions>[0]][] = [
      ["one event, by a value inside its before JSON", { q: rare }],
      ["two words, one in every event and one in a few (name, hex noise)", { q: "Target 4321" }],
      ["two words across fields", { q: "Person 7 reason" }],
      ["an address fragment", { q: "10.42.17" }],
      ["a word in every event", { q: "manager" }],
      ["no match", { q: "zebra-quartz" }],
      ["search with an action and a date range", { q: "Target 12", action: ["user.role_changed"], from: "2020-01-01" }],
    ];
    const results = [];
    for (const [name, filter] of cases) {
      const indexed = await time(filter);
      const walked = await time(filter, { index: false });
      results.push({ name, filter, found: indexed.found, indexedMs: indexed.medianMs, withoutIndexMs: walked.medianMs });
      expect(indexed.found, name).toBe(walked.found);
      expect(indexed.medianMs, name).toBeLessThan(1_000);
    }
    expect(results[0]!.found).toBe(1);
    expect(results[5]!.found).toBe(0);
    const dir = path.resolve(import.meta.dirname, "../../test-results");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "audit-search-scale.json"), JSON.stringify({ events: EVENTS, results }, null, 2));
    console.log(`audit log search over ${EVENTS.toLocaleString()} events (median of 5, ms):`);
    console.table(results.map(({ name, found, indexedMs, withoutIndexMs }) => ({ name, found, indexedMs, withoutIndexMs })));
  }, 120_000);
});
