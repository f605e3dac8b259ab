import type { Prisma } from "@/lib/db/client";
import type { ReceiptInput } from "@/lib/conversations/channel-input";
import { metaTime, statusReceipt, type StatusReceipt } from "./webhook-schema";

// Meta's status webhook in the domain's words (lib/conversations/channel-input.ts). Pure: the domain's
// applyReceipt() records and applies it.

/** Error 131050: the customer stopped marketing messages from this business. */
const MARKETING_STOPPED = 131050;

export function translateReceipt(receipt: StatusReceipt): ReceiptInput {
  const error = receipt.errors?.[0];
  const { pricing, conversation } = receipt;
  return {
    externalId: receipt.id,
    status: receipt.status,
    at: metaTime(receipt.timestamp),
    recipientId: receipt.recipient_id ?? receipt.recipient_user_id ?? null,
    raw: receipt as Prisma.InputJsonValue,
    error: error ? { code: error.code, title: error.title ?? error.message ?? null, details: error.error_data?.details ?? null } : null,
    pricing: pricing
      ? {
          model: pricing.pricing_model ?? null,
          type: pricing.type ?? null,
          category: pricing.category ?? null,
          billable: pricing.billable ?? (pricing.type ? pricing.type === "regular" : null),
        }
      : null,
    billingConversation: conversation
      ? {
          id: conversation.id,
          origin: conversation.origin?.type,
          expiresAt: conversation.expiration_timestamp ? metaTime(conversation.expiration_timestamp) : undefined,
        }
      : null,
    marketingStopped: receipt.errors?.some((e) => e.code === MARKETING_STOPPED)
      ? { reason: "A marketing message failed with error 131050: the customer stopped marketing messages." }
      : null,
    // Switchboard sends its message id as biz_opaque_callback_data; Meta echoes it on every status.
    messageRef: receipt.biz_opaque_callback_data ?? null,
  };
}

/** A receipt stored as Meta sent it (MessageStatusEvent.payload), read again. */
export function readStoredReceipt(raw: unknown): ReceiptInput {
  return translateReceipt(statusReceipt.parse(raw));
}
