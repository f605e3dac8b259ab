import "server-only";
import type pg from "pg";
import { db } from "@/lib/db/client";
import { ROLLUP_LOCK } from "./fold-stats";
import {
  createFactsTable,
  createGroupedCountsForRebuild,
  createGroupedLatenciesForRebuild,
  factsFromMessages,
  insertCounts,
  insertLatencies,
} from "./rollup-sql";
import {
  createTeamFactsTable,
  createTeamGroupedCountsForRebuild,
  createTeamGroupedLatenciesForRebuild,
  insertTeamCounts,
  insertTeamLatencies,
  markTeamRebuilt,
  teamFactsFromEvents,
} from "./team-sql";

/**
 * Rebuilds the message rollups from the messages and the team rollups from the conversation
 * events (`npm run stats:rebuild`), written in slot order so a range's rows sit together. Holds
 * the rollups' lock (so no fold runs meanwhile), then works in one repeatable-read transaction:
 * the changes visible to its snapshot are already in the rows it reads, so it deletes them and
 * records the snapshot for the team fold; changes committed after the snapshot stay for the next
 * fold. Writers are never blocked.
 */
export async function rebuildStats(
  client: pg.ClientBase,
  { truncate = false, onStep }: { truncate?: boolean; onStep?: (step: string, ms: number, rows: number) => void } = {},
): Promise<{ messages: number; rows: number; latencyRows: number; events: number }> {
  const step = async (name: string, sql: string) => {
    const started = performance.now();
    const rows = (await client.query(sql)).rowCount ?? 0;
    onStep?.(name, performance.now() - started, rows);
    return rows;
  };
  await client.query(`SELECT pg_advisory_lock(${ROLLUP_LOCK})`);
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
    try {
      await client.query(`SET LOCAL work_mem = '512MB'`);
      // Customers' messages stay: the fold still checks them against watched reads for "replied".
      await client.query(`DELETE FROM "StatsDelta" WHERE kind <> 2`);
      // TRUNCATE (the owner's command line) leaves compact tables, in slot order, but makes the
      // dashboards wait until it commits; DELETE (the application) lets them read the old rollups.
      const clear = truncate ? "TRUNCATE" : "DELETE FROM";
      for (const table of ["MessageRollup", "MessageLatencyRollup", "ConversationRollup", "ConversationLatencyRollup"])
        await step(`clear ${table}`, `${clear} "${table}"`);
      await client.query(createFactsTable);
      const messages = await step("message facts", factsFromMessages);
      await client.query("ANALYZE stats_facts");
      await step("message counts by grouping set", createGroupedCountsForRebuild);
      await client.query("ANALYZE stats_counts");
      const rows = await step("message counts at every level", insertCounts);
      await step("message histograms by grouping set", createGroupedLatenciesForRebuild);
      await client.query("ANALYZE stats_latency");
      const latencyRows = await step("message histograms at every level", insertLatencies);
      await client.query(createTeamFactsTable);
      const events = await step("conversation events", teamFactsFromEvents);
      await step("team counts by grouping set", createTeamGroupedCountsForRebuild);
      await step("team counts at every level", insertTeamCounts);
      await step("team histograms by grouping set", createTeamGroupedLatenciesForRebuild);
      await step("team histograms at every level", insertTeamLatencies);
      await client.query(markTeamRebuilt);
      await client.query("COMMIT");
      return { messages, rows, latencyRows, events };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  } finally {
    await client.query(`SELECT pg_advisory_unlock(${ROLLUP_LOCK})`);
  }
}

/** Whether the rollups wait for a rebuild (an upgrade changed their shape): the fold leaves them alone until then. */
export async function statsNeedRebuild(): Promise<boolean> {
  const rows = await db.$queryRaw<{ stale: boolean }[]>`SELECT "eventSnapshot" IS NULL AS stale FROM "StatsState" WHERE id = 1`;
  return rows[0]?.stale ?? true;
}
