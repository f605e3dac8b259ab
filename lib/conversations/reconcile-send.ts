import type { Prisma } from "@/lib/db/client";
import { reconcilable } from "./send-state";
import { nextStatus } from "./status";

/**
 * A receipt for an external id the inbox does not know, naming one of our messages by its own id
 * (echoed by the channel): the message whose send never got its answer — a timeout, a dropped
 * connection, a crash — did reach the channel. It takes the receipt's external id and counts as
 * sent; the receipt itself is applied next. Returns the message's id, or null when the id names no
 * message still waiting for its external id. The caller holds the external id's lock.
 */
export async function reconcileSend({
  tx,
  channelId,
  messageId,
  externalId,
}: {
  tx: Prisma.TransactionClient;
  channelId: string;
  messageId: string;
  externalId: string;
}): Promise<string | null> {
  const states = [...reconcilable];
  const [row] = await tx.$queryRaw<{ id: string; status: (typeof reconcilable)[number] }[]>`
    SELECT id, status::text AS status FROM "Message"
    WHERE id = ${messageId} AND "channelId" = ${channelId} AND direction = 'OUTBOUND' AND "externalId" IS NULL
      AND status::text = ANY(${states}::text[])
    FOR UPDATE`;
  if (!row) return null;
  await tx.message.update({
    where: { id: row.id },
    data: { externalId, status: nextStatus(row.status, "SENT"), pendingSince: null, errorCode: null, errorTitle: null, errorDetails: null },
  });
  console.log(`[send] message ${row.id} (${row.status.toLowerCase()}) reconciled by a receipt for ${externalId}`);
  return row.id;
}
