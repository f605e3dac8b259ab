import "server-only";
import pg from "pg";
import { config } from "@/lib/config";
import {
  createFactsTable,
  createQuarterCounts,
  createQuarterLatencies,
  expireReplyWatch,
  factsFromDeltas,
  markReplied,
  upsertCounts,
  upsertLatencies,
} from "./rollup-sql";

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
 * Folds the changes recorded in StatsDelta into the rollups and deletes them, in one transaction
 * (docs/architecture.md, "Statistics"). Returns how many changes it took, or null when another
 * process holds the rollups. Cheap when nothing changed: one indexed max().
 */
export async function foldStats({ expire = false }: { expire?: boolean } = {}): Promise<number | null> {
  const client = await foldClient();
  const { rows } = await client.query<{ max: string | null }>(`SELECT max(id) AS max FROM "StatsDelta"`);
  const max = rows[0]?.max ?? null;
  if (max === null && !expire) return 0;
  await client.query("BEGIN");
  try {
    const locked = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_xact_lock(${ROLLUP_LOCK}) AS locked`);
    if (!locked.rows[0]?.locked) {
      await client.query("ROLLBACK");
      return null;
    }
    let taken = 0;
    if (max !== null) {
      await client.query(createFactsTable);
      taken = (await client.query(factsFromDeltas, [max])).rowCount ?? 0;
      await client.query(createQuarterCounts);
      await client.query(upsertCounts);
      await client.query(createQuarterLatencies);
      await client.query(upsertLatencies);
      await client.query(markReplied);
    }
    if (expire) await client.query(expireReplyWatch);
    await client.query("COMMIT");
    return taken;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
