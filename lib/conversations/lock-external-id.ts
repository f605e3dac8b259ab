import type { Prisma } from "@/lib/db/client";

/**
 * Serialises the two transactions that meet on an external message id: a receipt being recorded
 * and the send job storing the id the channel answered with. Without it each can miss the other's
 * uncommitted row (the receipt finds no message, the job finds no receipt) and the tick is lost for
 * good. Both call this first; the lock is released when the transaction ends.
 */
export async function lockExternalId({
  tx,
  channelId,
  externalId,
}: {
  tx: Prisma.TransactionClient;
  channelId: string;
  externalId: string;
}): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${channelId}), hashtext(${externalId}))`;
}
