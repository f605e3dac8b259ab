import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrations";
import { rebuildStats } from "@/lib/stats/rebuild-stats";
import {
  createTeamFactsTable,
  createTeamGroupedCounts,
  teamEventsWaiting,
  teamFactsFromChanges,
  teamSnapshot,
  upsertTeamCounts,
} from "@/lib/stats/team-sql";
import { scratchDatabase } from "../support/scratch-database";

// The team rollups on a database of their own: conversation events written before the upgrade wait
// for the rebuild, and after it the fold counts every event once, whatever order the transactions
// that wrote them commit in — an event written by a transaction that started before the last fold
// and committed after it is not skipped, as a "highest id seen" mark would skip it.

const BEFORE_TEAM_ROLLUPS = "20261130232940_statistics_rollups";
const BEFORE_HOURLY_TEAM_HISTOGRAMS = "20261201034700_statistics_weeks_and_team_rollups";
let database: Awaited<ReturnType<typeof scratchDatabase>>;
let client: pg.Client;

beforeAll(async () => {
  database = await scratchDatabase("switchboard_team_fold");
  await applyMigrations({ connectionString: database.url, until: BEFORE_TEAM_ROLLUPS });
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
}, 60_000);

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

const writeEvent = (on: pg.ClientBase, conversationId: string) =>
  on.query(
    `INSERT INTO "ConversationEvent" ("conversationId", "channelId", kind, at) VALUES ($1, 'channel', 'opened', now() AT TIME ZONE 'UTC')`,
    [conversationId],
  );

const snapshotOf = async (on: pg.ClientBase) => (await on.query<{ seen: string | null }>(teamSnapshot)).rows[0]?.seen ?? null;

/** What the fold checks first: whether the rollups wait for a rebuild, else whether events wait for it. */
async function teamChangesWaiting(on: pg.ClientBase): Promise<{ stale: boolean; events: boolean }> {
  const seen = await snapshotOf(on);
  if (seen === null) return { stale: true, events: false };
  return { stale: false, events: (await on.query<{ events: boolean }>(teamEventsWaiting, [seen])).rows[0]?.events === true };
}

/** The fold's team part, as lib/stats/fold-stats.ts runs it. */
async function foldTeam(): Promise<number> {
  await client.query("BEGIN");
  try {
    await client.query(createTeamFactsTable);
    const taken = (await client.query(teamFactsFromChanges, [await snapshotOf(client)])).rowCount ?? 0;
    if (taken) {
      await client.query(createTeamGroupedCounts);
      await client.query(upsertTeamCounts);
    }
    await client.query("COMMIT");
    return taken;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

async function opened(): Promise<number> {
  const { rows } = await client.query<{ opened: string }>(
    `SELECT coalesce(sum(opened), 0) AS opened FROM "ConversationRollup" WHERE gset = 0 AND level = 2`,
  );
  return Number(rows[0]!.opened);
}

describe("the team rollups' fold", () => {
  it("waits for a rebuild after the upgrade, then counts every event once in whatever order it commits", async () => {
    await writeEvent(client, "before-1");
    await writeEvent(client, "before-2");
    await applyMigrations({ connectionString: database.url });
    expect(await teamChangesWaiting(client)).toMatchObject({ stale: true });

    await rebuildStats(client);
    expect(await opened()).toBe(2);
    expect(await teamChangesWaiting(client)).toEqual({ stale: false, events: false });
    expect(await foldTeam()).toBe(0);

    // A transaction writes an event and stays open while another writes one and the fold runs.
    const slow = new pg.Client({ connectionString: database.url });
    await slow.connect();
    try {
      await slow.query("BEGIN");
      await writeEvent(slow, "slow");
      await writeEvent(client, "quick");
      expect(await foldTeam()).toBe(1);
      expect(await opened()).toBe(3);
      await slow.query("COMMIT");
    } finally {
      await slow.end();
    }
    expect(await teamChangesWaiting(client)).toEqual({ stale: false, events: true });
    expect(await foldTeam()).toBe(1);
    expect(await opened()).toBe(4);
    expect(await foldTeam()).toBe(0);

    // A rebuild now finds the same.
    await rebuildStats(client);
    expect(await opened()).toBe(4);
    expect(await foldTeam()).toBe(0);
  });

  it("looks for waiting events through the index on their transaction ids, not through every event", async () => {
    await client.query(`INSERT INTO "ConversationEvent" ("conversationId", "channelId", kind, at)
      SELECT 'bulk-' || i, 'channel', 'opened', now() AT TIME ZONE 'UTC' FROM generate_series(1, 20000) AS i`);
    expect(await foldTeam()).toBe(20_000);
    await client.query(`ANALYZE "ConversationEvent"`);
    const { rows } = await client.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (FORMAT JSON) ${teamEventsWaiting}`, [
      await snapshotOf(client),
    ]);
    const plan = JSON.stringify(rows[0]!["QUERY PLAN"]);
    expect(plan).toContain("ConversationEvent_xid_idx");
    expect(plan).not.toContain("Seq Scan");
  });

  it("empties the team histograms that lack hours on upgrade and rebuilds them with hourly slots", async () => {
    const older = await scratchDatabase("switchboard_team_hours");
    const other = new pg.Client({ connectionString: older.url });
    try {
      await applyMigrations({ connectionString: older.url, until: BEFORE_HOURLY_TEAM_HISTOGRAMS });
      await other.connect();
      await other.query(
        `INSERT INTO "ConversationEvent" ("conversationId", "channelId", kind, at, seconds)
         VALUES ('c', 'channel', 'resolved', now() AT TIME ZONE 'UTC', 90)`,
      );
      // Histograms as that version kept them: days and weeks.
      await other.query(`INSERT INTO "ConversationLatencyRollup" (gset, level, slot, metric, bucket, count)
        VALUES (0, 2, date_trunc('day', now() AT TIME ZONE 'UTC'), 1, 65, 1)`);
      await other.query(`UPDATE "StatsState" SET "eventSnapshot" = pg_current_snapshot() WHERE id = 1`);

      await applyMigrations({ connectionString: older.url });
      expect((await other.query(`SELECT count(*)::int AS count FROM "ConversationLatencyRollup"`)).rows[0].count).toBe(0);
      expect(await teamChangesWaiting(other)).toMatchObject({ stale: true });

      await rebuildStats(other);
      const { rows } = await other.query<{ level: number; count: number }>(
        `SELECT level, sum(count)::int AS count FROM "ConversationLatencyRollup" WHERE gset = 0 GROUP BY level ORDER BY level`,
      );
      expect(rows).toEqual([1, 2, 3].map((level) => ({ level, count: 1 })));
    } finally {
      await other.end();
      await older.drop();
    }
  });
});
