import "server-only";
import pg from "pg";
import { config } from "@/lib/config";
import {
  createFactsTable,
  createGroupedCounts,
  createGroupedLatencies,
  expireReplyWatch,
  factsFromDeltas,
  markReplied,
  upsertCounts,
  upsertLatencies,
} from "./rollup-sql";
import {
  createTeamFactsTable,
  createTeamGroupedCounts,
  createTeamGroupedLatencies,
  teamEventsWaiting,
  teamFactsFromChanges,
  teamSnapshot,
  upsertTeamCounts,
  upsertTeamLatencies,
} from "./team-sql";

// One lock for everything that writes the rollups: the fold (one process at a time across
// instances) and the rebuild.
export const ROLLUP_LOCK = "hashtext('switchboard.stats.rollups')";

// The fold has a connection of its own, outside the application's pool, so its transaction never
// keeps a request waiting for a connection.
const holder = globalThis as unknown as { switchboardStatsFold?: Promise<pg.Client> };

function foldClient(): Promise<pg.Client> {
  holder.switchboardStatsFold ??= (async () => {
    const client = new pg.Client({ connectionString: config().database.url ?? undefined, application_name: "switchboard-stats-fold" });
    client.on("error", () => {
      holder.switchboardStatsFold = undefined;
    });
    await client.connect();
    return client;
  })().catch((error: unknown) => {
    holder.switchboardStatsFold = undefined;
    throw error;
  });
  return holder.switchboardStatsFold;
}

export async function closeFoldClient(): Promise<void> {
  const pending = holder.switchboardStatsFold;
  holder.switchboardStatsFold = undefined;
  await (await pending?.catch(() => null))?.end();
}

/**
 * Folds the changes recorded in StatsDelta, and the conversation events written since the last
 * fold, into the rollups, in one transaction (docs/architecture.md, "Statistics"). Returns how many
 * changes it took, or null when another process holds the rollups. Cheap when nothing changed: an
 * indexed max() and two index probes. Does nothing while the rollups wait for a rebuild (after an
 * upgrade that changed their shape): the rebuild counts everything.
 */
export async function foldStats({ expire = false }: { expire?: boolean } = {}): Promise<number | null> {
  const client = await foldClient();
  const { rows } = await client.query<{ max: string | null; seen: string | null }>(
    `SELECT (SELECT max(id) FROM "StatsDelta") AS max, (${teamSnapshot}) AS seen`,
  );
  const { max = null, seen = null } = rows[0] ?? {};
  if (seen === null) return 0;
  const events = max === null && (await client.query<{ events: boolean }>(teamEventsWaiting, [seen])).rows[0]?.events === true;
  if (max === null && !events && !expire) return 0;
  await client.query("BEGIN");
  try {
    const locked = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_xact_lock(${ROLLUP_LOCK}) AS locked`);
    if (!locked.rows[0]?.locked) {
      await client.query("ROLLBACK");
      return null;
    }
    // Read again under the lock: another instance may have folded since.
    const current = (await client.query<{ seen: string | null }>(teamSnapshot)).rows[0]?.seen ?? null;
    if (current === null) {
      await client.query("ROLLBACK");
      return 0;
    }
    let taken = 0;
    if (max !== null) {
      await client.query(createFactsTable);
      taken += (await client.query(factsFromDeltas, [max])).rowCount ?? 0;
      await client.query(createGroupedCounts);
      await client.query(upsertCounts);
      await client.query(createGroupedLatencies);
      await client.query(upsertLatencies);
      await client.query(markReplied);
    }
    if (max !== null || events) {
      await client.query(createTeamFactsTable);
      const teamFacts = (await client.query(teamFactsFromChanges, [current])).rowCount ?? 0;
      if (teamFacts > 0) {
        taken += teamFacts;
        await client.query(createTeamGroupedCounts);
        await client.query(upsertTeamCounts);
        await client.query(createTeamGroupedLatencies);
        await client.query(upsertTeamLatencies);
      }
    }
    if (expire) await client.query(expireReplyWatch);
    await client.query("COMMIT");
    return taken;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
