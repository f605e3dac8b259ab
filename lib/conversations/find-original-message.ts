import type { Prisma } from "@/lib/db/client";

/**
 * The customer's earlier message that an edit or deletion points at, looked for only in this
 * customer's conversations; null when the inbox never had it.
 */
export async function findOriginalMessage({
  tx,
  channelId,
  contactId,
  externalId,
}: {
  tx: Prisma.TransactionClient;
  channelId: string;
  contactId: string;
  externalId: unknown;
}) {
  if (typeof externalId !== "string" || !externalId) return null;
  return tx.message.findFirst({
    where: { channelId, externalId, direction: "INBOUND", conversation: { contactId } },
    include: { media: { select: { id: true, storageKey: true } } },
  });
}
