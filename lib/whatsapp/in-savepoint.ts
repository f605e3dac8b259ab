import type { Prisma } from "@/lib/db/client";

export type SavepointResult<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Runs one item's writes inside a savepoint of the body's transaction. If they fail, only that
 * item's writes are undone and the transaction carries on with the next item, so one item the
 * code cannot store never costs the others. Errors `rethrow` picks (the database being down, a
 * conflict the whole transaction must retry) still end the transaction.
 */
export async function inSavepoint<T>({
  tx,
  work,
  rethrow,
}: {
  tx: Prisma.TransactionClient;
  work: () => Promise<T>;
  rethrow: (error: unknown) => boolean;
}): Promise<SavepointResult<T>> {
  await tx.$executeRawUnsafe("SAVEPOINT webhook_item");
  try {
    const value = await work();
    await tx.$executeRawUnsafe("RELEASE SAVEPOINT webhook_item");
    return { ok: true, value };
  } catch (error) {
    if (rethrow(error)) throw error;
    await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT webhook_item");
    await tx.$executeRawUnsafe("RELEASE SAVEPOINT webhook_item");
    return { ok: false, error };
  }
}
