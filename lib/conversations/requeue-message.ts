import type { Prisma } from "@/lib/db/client";
import { enqueueSend } from "@/lib/jobs/queue";
import type { MessageStatus } from "./status";

/**
 * Puts an outbound message in one of the `from` states back to QUEUED with a new send job, both in
 * `tx`: its error, external id and receipts are cleared (Meta gives a new attempt its own id), and
 * the dead letters it had are closed. Returns false when the message was not in one of those
 * states (two clicks at once re-queue it once).
 */
export async function requeueMessage({
  tx,
  messageId,
  from,
  content,
}: {
  tx: Prisma.TransactionClient;
  messageId: string;
  from: readonly MessageStatus[];
  /** New content to send, when the rules changed how it may go out (Messenger's messaging type). */
  content?: Prisma.InputJsonValue;
}): Promise<boolean> {
  const now = new Date();
  const requeued = await tx.message.updateMany({
    where: { id: messageId, direction: "OUTBOUND", status: { in: [...from] } },
    data: {
      ...(content ? { content } : {}),
      status: "QUEUED",
      pendingSince: now,
      externalId: null,
      failedAt: null,
      errorCode: null,
      errorTitle: null,
      errorDetails: null,
      sentAt: null,
      deliveredAt: null,
      readAt: null,
      playedAt: null,
      pricingModel: null,
      pricingType: null,
      pricingCategory: null,
      billable: null,
      metaConversationId: null,
      metaConversationOrigin: null,
      metaConversationExpiresAt: null,
    },
  });
  if (!requeued.count) return false;
  await tx.deadLetter.updateMany({ where: { messageId, retriedAt: null }, data: { retriedAt: now } });
  await enqueueSend({ messageId, tx });
  return true;
}
