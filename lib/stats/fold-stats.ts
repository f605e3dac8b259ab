import "server-only";
import { db } from "@/lib/db/client";
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

/**
 * Folds the changes recorded in StatsDelta into the rollups and deletes them, in one transaction
 * (docs/architecture.md, "Statistics"). Returns how many changes it took, or null when another
 * process holds the rollups. Cheap when nothing changed: one indexed max().
 */
export async function foldStats({ expire = false }: { expire?: boolean } = {}): Promise<number | null> {
  const [{ max } = { max: null }] = await db.$queryRaw<{ max: bigint | null }[]>`SELECT max(id) AS max FROM "StatsDelta"`;
  if (max === null && !expire) return 0;
  return db.$transaction(
    async (tx) => {
      const [{ locked }] = await tx.$queryRawUnsafe<{ locked: boolean }[]>(`SELECT pg_try_advisory_xact_lock(${ROLLUP_LOCK}) AS locked`);
      if (!locked) return null;
      let taken = 0;
      if (max !== null) {
        await tx.$executeRawUnsafe(createFactsTable);
        taken = await tx.$executeRawUnsafe(factsFromDeltas, max);
        await tx.$executeRawUnsafe(createQuarterCounts);
        await tx.$executeRawUnsafe(upsertCounts);
        await tx.$executeRawUnsafe(createQuarterLatencies);
        await tx.$executeRawUnsafe(upsertLatencies);
        await tx.$executeRawUnsafe(markReplied);
      }
      if (expire) await tx.$executeRawUnsafe(expireReplyWatch);
      return taken;
    },
    { timeout: 60_000 },
  );
}
