// Message status ordering (docs/architecture.md, "Sending"). Webhooks arrive duplicated and out of order; a status
// only ever moves forward, and every timestamp that arrives is kept.

export const messageStatuses = [
  "RECEIVED",
  "QUEUED",
  "SENDING",
  "UNCONFIRMED",
  "DISCARDED",
  "SENT",
  "DELIVERED",
  "READ",
  "PLAYED",
  "FAILED",
] as const;
export type MessageStatus = (typeof messageStatuses)[number];
export type ReceiptStatus = "SENT" | "DELIVERED" | "READ" | "PLAYED" | "FAILED";

const rank: Record<MessageStatus, number> = {
  RECEIVED: 0,
  // Not yet known to have reached the channel (send-state.ts): any receipt moves them on.
  QUEUED: 1,
  SENDING: 1,
  UNCONFIRMED: 1,
  DISCARDED: 1,
  SENT: 2,
  DELIVERED: 3,
  READ: 4,
  PLAYED: 5,
  FAILED: 6,
};

/** The status a message should have after `incoming` arrives while it is `current`. */
export function nextStatus(current: MessageStatus, incoming: ReceiptStatus | "QUEUED"): MessageStatus {
  // Failed is terminal for a send; a read message cannot fail afterwards.
  if (current === "FAILED") return current;
  if (incoming === "FAILED") return rank[current] >= rank.READ ? current : "FAILED";
  return rank[incoming] > rank[current] ? incoming : current;
}

/** Meta's receipt names (`sent`, `delivered`, …) in our vocabulary, or null for anything else. */
export function parseReceiptStatus(value: string): ReceiptStatus | null {
  switch (value) {
    case "sent":
      return "SENT";
    case "delivered":
      return "DELIVERED";
    case "read":
      return "READ";
    case "played":
      return "PLAYED";
    case "failed":
      return "FAILED";
    default:
      return null;
  }
}

/** The per-status timestamp column a receipt fills. */
export const timestampField = {
  SENT: "sentAt",
  DELIVERED: "deliveredAt",
  READ: "readAt",
  PLAYED: "playedAt",
  FAILED: "failedAt",
} as const satisfies Record<ReceiptStatus, string>;
