import type { Message, Prisma } from "@/lib/db/client";
import { messageUpdated } from "@/lib/realtime/build-events";
import type { Publication } from "@/lib/realtime/publish";
import type { ReceiptInput } from "./channel-input";
import { messageInclude } from "./serializers";
import { nextStatus, parseReceiptStatus, timestampField } from "./status";

/**
 * Applies one receipt to the outbound message it is about: the status only moves forward (status.ts),
 * every timestamp that arrives is kept, and the receipt's error, pricing and billing conversation
 * are recorded. Returns the event to publish, or null when nothing changed.
 */
export async function updateMessageStatus({
  tx,
  message,
  receipt,
}: {
  tx: Prisma.TransactionClient;
  message: Message;
  receipt: Pick<ReceiptInput, "status" | "at" | "error" | "pricing" | "billingConversation">;
}): Promise<Publication | null> {
  const incoming = parseReceiptStatus(receipt.status);
  if (!incoming || message.direction !== "OUTBOUND") return null;

  const data: Prisma.MessageUncheckedUpdateInput = {};
  const status = nextStatus(message.status, incoming);
  if (status !== message.status) data.status = status;
  const field = timestampField[incoming];
  if (!message[field]) data[field] = receipt.at;

  if (incoming === "FAILED" && receipt.error) {
    data.errorCode = receipt.error.code;
    data.errorTitle = receipt.error.title;
    data.errorDetails = receipt.error.details;
  }
  if (receipt.pricing) {
    data.pricingModel = receipt.pricing.model;
    data.pricingType = receipt.pricing.type;
    data.pricingCategory = receipt.pricing.category;
    data.billable = receipt.pricing.billable;
  }
  const billing = receipt.billingConversation;
  if (billing) {
    data.metaConversationId = billing.id ?? message.metaConversationId;
    data.metaConversationOrigin = billing.origin ?? message.metaConversationOrigin;
    if (billing.expiresAt) data.metaConversationExpiresAt = billing.expiresAt;
  }
  if (Object.keys(data).length === 0) return null;

  const updated = await tx.message.update({ where: { id: message.id }, data, include: messageInclude });
  return messageUpdated(updated);
}
