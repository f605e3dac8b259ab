import type { ReceiptInput } from "./channel-input";
import { nextStatus, parseReceiptStatus, timestampField, type MessageStatus } from "./status";

// What a delivery receipt does to its outbound message (docs/architecture.md, "Sending"): the
// status only moves forward (status.ts), every timestamp that arrives is kept, and the receipt's
// error, pricing and billing conversation are recorded. Pure: no I/O. One receipt at a time
// (update-message-status.ts) and a batch of them (apply-receipts.ts) apply the same rules.

export type ReceiptFields = {
  status: MessageStatus;
  sentAt: Date | null;
  deliveredAt: Date | null;
  readAt: Date | null;
  playedAt: Date | null;
  failedAt: Date | null;
  errorCode: number | null;
  errorTitle: string | null;
  errorDetails: string | null;
  pricingModel: string | null;
  pricingType: string | null;
  pricingCategory: string | null;
  billable: boolean | null;
  metaConversationId: string | null;
  metaConversationOrigin: string | null;
  metaConversationExpiresAt: Date | null;
};

export type ReceiptApplied = Pick<ReceiptInput, "status" | "at" | "error" | "pricing" | "billingConversation">;

/** The fields `receipt` changes on `message`; empty when it changes nothing (or is not about an outbound message). */
export function receiptChanges(message: ReceiptFields & { direction: string }, receipt: ReceiptApplied): Partial<ReceiptFields> {
  const incoming = parseReceiptStatus(receipt.status);
  if (!incoming || message.direction !== "OUTBOUND") return {};

  const data: Partial<ReceiptFields> = {};
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
  return data;
}
