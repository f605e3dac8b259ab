import type { Prisma } from "@/lib/db/client";
import type { ReceiptInput } from "@/lib/conversations/channel-input";

// Messenger reports per message only what its mids name: the echo of our own send (sent) and a
// delivery event's `mids` (delivered). These become ordinary receipts, stored as
// {"mid","status","timestamp"} so one that overtakes the Send API's answer applies once the mid is
// recorded. Everything else arrives as a watermark (lib/conversations/apply-watermark.ts).

/** Messenger costs nothing: a message Meta accepted is priced free, so the dashboards say so. */
export const messengerPricing = { model: null, type: "messenger", category: null, billable: false } as const;

export function messengerReceipt({ mid, status, at }: { mid: string; status: "sent" | "delivered"; at: Date }): ReceiptInput {
  const raw = { mid, status, timestamp: at.getTime() } satisfies Prisma.InputJsonValue;
  return {
    externalId: mid,
    status,
    at,
    recipientId: null,
    raw,
    error: null,
    pricing: status === "sent" ? messengerPricing : null,
    billingConversation: null,
    marketingStopped: null,
  };
}

export function readStoredReceipt(raw: unknown): ReceiptInput {
  const stored = (raw && typeof raw === "object" ? raw : {}) as { mid?: unknown; status?: unknown; timestamp?: unknown };
  const status = stored.status === "delivered" ? "delivered" : "sent";
  return messengerReceipt({ mid: String(stored.mid ?? ""), status, at: new Date(Number(stored.timestamp) || 0) });
}
