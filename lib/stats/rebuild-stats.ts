import "server-only";
import type pg from "pg";
import { db } from "@/lib/db/client";
import { ROLLUP_LOCK } from "./fold-stats";
import {
  createFactsTable,
  createQuarterCounts,
  createQuarterLatencies,
  factsFromMessages,
  upsertCounts,
  upsertLatencies,
} from "./rollup-sql";
import {
  createTeamFactsTable,
  createTeamQuarterCounts,
  createTeamQuarterLatencies,
  markTeamRebuilt,
  teamFactsFromEvents,
  upsertTeamCounts,
  upsertTeamLatencies,
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
  { truncate = false }: { truncate?: boolean } = {},
): Promise<{ messages: number; rows: number; latencyRows: number; events: number }> {
  await client.query(`SELECT pg_advisory_lock(${ROLLUP_LOCK})`);
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
    try {
      await client.query(`SET LOCAL work_mem = '256MB'`);
      // Customers' messages stay: the fold still checks them against watched reads for "replied".
      await client.query(`DELETE FROM "StatsDelta" WHERE kind <> 2`);
      // TRUNCATE (the owner's command line) leaves compact tables, in slot order, but makes the
      // dashboards wait until it commits; DELETE (the application) lets them read the old rollups.
      const clear = truncate ? "TRUNCATE" : "DELETE FROM";
      for (const table of ["MessageRollup", "MessageLatencyRollup", "ConversationRollup", "ConversationLatencyRollup"])
        await client.query(`${clear} "${table}"`);
      await client.query(createFactsTable);
      const messages = (await client.query(factsFromMessages)).rowCount ?? 0;
      await client.query("ANALYZE stats_facts");
      await client.query(createQuarterCounts);
      await client.query("ANALYZE stats_counts_q");
      const rows = (await client.query(upsertCounts)).rowCount ?? 0;
      await client.query(createQuarterLatencies);
      await client.query("ANALYZE stats_latency_q");
      const latencyRows = (await client.query(upsertLatencies)).rowCount ?? 0;
      await client.query(createTeamFactsTable);
      const events = (await client.query(teamFactsFromEvents)).rowCount ?? 0;
      await client.query(createTeamQuarterCounts);
      await client.query(upsertTeamCounts);
      await client.query(createTeamQuarterLatencies);
      await client.query(upsertTeamLatencies);
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
