import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/db/client";
import { stopMarketingAfterRefusal } from "@/lib/contacts/stop-marketing-after-refusal";
import type { Publication } from "@/lib/realtime/publish";
import type { ReceiptInput } from "./channel-input";
import { refreshConversationBilling } from "./conversation-billing";
import { lockExternalId } from "./lock-external-id";
import { updateMessageStatus } from "./update-message-status";

/**
 * Records one delivery receipt, deduplicated on (external id, status), and applies it to its
 * message if the inbox knows that id yet. A receipt that arrives first waits and is applied by
 * applyStoredReceipts() once the send is recorded. `system` names the channel in the audit trail.
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
  if (!locked) return [];
  const message = await tx.message.findUniqueOrThrow({ where: { id: locked.id } });
  const changed = await updateMessageStatus({ tx, message, receipt });
  if (receipt.marketingStopped) {
    const { reason } = receipt.marketingStopped;
    await stopMarketingAfterRefusal({ tx, conversationId: message.conversationId, at: receipt.at, reason, system });
  }
  // Priced receipts move the conversation's billing to its latest priced message.
  const billing = receipt.pricing ? await refreshConversationBilling({ tx, conversationId: message.conversationId }) : null;
  return [changed, billing].filter((publication) => publication !== null);
}
