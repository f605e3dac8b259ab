import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/db/client";
import { stopMarketingAfterRefusal } from "@/lib/contacts/stop-marketing-after-refusal";
import { messageUpdated } from "@/lib/realtime/build-events";
import type { Publication } from "@/lib/realtime/publish";
import type { ReceiptInput } from "./channel-input";
import { refreshConversationBilling } from "./conversation-billing";
import { lockExternalId } from "./lock-external-id";
import { openFreeEntryPoint } from "./open-free-entry-point";
import { reconcileSend } from "./reconcile-send";
import { messageInclude } from "./serializers";
import { updateMessageStatus } from "./update-message-status";

/**
 * Records one delivery receipt, deduplicated on (external id, status), and applies it to its
 * message if the inbox knows that id yet, or if the receipt names the message by our own id and
 * its send never got an answer (reconcile-send.ts). Any other receipt that arrives first waits and
 * is applied by applyStoredReceipts() once the send is recorded. `system` names the channel in the
 * audit trail.
 */
export async function applyReceipt({
  tx,
  channelId,
  receipt,
  system,
}: {
  tx: Prisma.TransactionClient;
  channelId: string;
  receipt: ReceiptInput;
  system: string;
}): Promise<Publication[]> {
  await lockExternalId({ tx, channelId, externalId: receipt.externalId });
  const inserted = await tx.messageStatusEvent.createMany({
    data: [
      {
        id: randomUUID(),
        channelId,
        externalId: receipt.externalId,
        status: receipt.status,
        timestamp: receipt.at,
        recipientId: receipt.recipientId,
        payload: receipt.raw,
      },
    ],
    skipDuplicates: true,
  });
  if (inserted.count === 0) return [];

  const [locked] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Message" WHERE "channelId" = ${channelId} AND "externalId" = ${receipt.externalId} FOR UPDATE`;
  const messageId =
    locked?.id ??
    (receipt.messageRef ? await reconcileSend({ tx, channelId, messageId: receipt.messageRef, externalId: receipt.externalId }) : null);
  if (!messageId) return [];
  const message = await tx.message.findUniqueOrThrow({ where: { id: messageId } });
  const changed =
    (await updateMessageStatus({ tx, message, receipt })) ??
    // Reconciled: the thread learns its new state even when the receipt itself adds nothing.
    (locked ? null : messageUpdated(await tx.message.findUniqueOrThrow({ where: { id: messageId }, include: messageInclude })));
  if (receipt.marketingStopped) {
    const { reason } = receipt.marketingStopped;
    await stopMarketingAfterRefusal({ tx, conversationId: message.conversationId, at: receipt.at, reason, system });
  }
  // A reconciled send was accepted as the answer would have said: it may open the free entry point.
  const freeEntryPoint = locked ? null : await openFreeEntryPoint({ tx, conversationId: message.conversationId, replyAt: receipt.at });
  // Priced receipts move the conversation's billing to its latest priced message.
  const billing = receipt.pricing ? await refreshConversationBilling({ tx, conversationId: message.conversationId }) : null;
  return [changed, billing ?? freeEntryPoint].filter((publication) => publication !== null);
}
