// The event mix: one inbound text message to three status receipts (sent, delivered, read) for
// outbound messages created before the run. Receipts for one wamid are spread apart in the
// sequence, so they mostly arrive in order, as Meta sends them; concurrency can still reorder
// them, which the product must tolerate.

export type ReceiptStatus = "sent" | "delivered" | "read";

export type InboundEvent = {
  kind: "inbound";
  key: string;
  wamid: string;
  customer: Customer;
  text: string;
  timestamp: number;
};

export type StatusEvent = {
  kind: "status";
  key: string;
  wamid: string;
  status: ReceiptStatus;
  recipientWaId: string;
  timestamp: number;
};

export type BenchEvent = InboundEvent | StatusEvent;

export type Customer = { waId: string; bsuid: string; name: string };

export type OutboundPool = { wamids: string[]; recipientWaIds: string[] };

const BLOCK = 25;

export function customer(index: number): Customer {
  return { waId: `1555${String(index).padStart(7, "0")}`, bsuid: `US.bench${index}`, name: `Bench Customer ${index}` };
}

/** Keys under which a socket observation is matched to the webhook that caused it. */
export const eventKeys = {
  inbound: (tag: string, seq: number) => `in:${tag}-${seq}`,
  status: (wamid: string, status: ReceiptStatus) => `st:${wamid}:${status}`,
};

/** Inbound texts start with "<tag>-<seq> " so the conversation preview names its webhook. */
export const previewToken = /^([A-Za-z]+)-(\d+) /;

export class Workload {
  private index = 0;

  constructor(private readonly options: { tag: string; customers: number; outbound: OutboundPool }) {}

  /** The next event, or null once the outbound pool is used up. */
  next(): BenchEvent | null {
    const position = this.index++;
    const group = Math.floor(position / 4);
    const slot = position % 4;
    const now = Math.floor(Date.now() / 1000);
    const { tag, customers, outbound } = this.options;
    if (slot === 0) {
      const who = customer(hashIndex(group, customers));
      const wamid = `wamid.bench.${tag}.in.${group}`;
      return {
        kind: "inbound",
        key: eventKeys.inbound(tag, group),
        wamid,
        customer: who,
        text: `${tag}-${group} Hello, is my order on its way?`,
        timestamp: now,
      };
    }
    // Status receipts come in blocks of BLOCK wamids: all their "sent", then all "delivered", then
    // all "read", so each wamid gets each receipt exactly once, BLOCK receipts apart.
    const receipt = group * 3 + slot - 1;
    const within = receipt % (3 * BLOCK);
    const status = (["sent", "delivered", "read"] as const)[Math.floor(within / BLOCK)]!;
    const wamidIndex = Math.floor(receipt / (3 * BLOCK)) * BLOCK + (within % BLOCK);
    if (wamidIndex >= outbound.wamids.length) return null;
    const wamid = outbound.wamids[wamidIndex]!;
    return {
      kind: "status",
      key: eventKeys.status(wamid, status),
      wamid,
      status,
      recipientWaId: outbound.recipientWaIds[wamidIndex]!,
      timestamp: now,
    };
  }
}

// Spreads inbound messages over the customers in a scrambled but deterministic order, so a
// customer writes again now and then (conversation.updated) and new ones keep arriving early on.
function hashIndex(value: number, modulo: number): number {
  return (Math.imul(value + 1, 2654435761) >>> 0) % modulo;
}

/** The webhook body Meta would send for an event. */
export function webhookBody(event: BenchEvent, channel: { phoneNumberId: string; wabaId: string }): string {
  const metadata = { display_phone_number: "15550100200", phone_number_id: channel.phoneNumberId };
  const value =
    event.kind === "inbound"
      ? {
          messaging_product: "whatsapp",
          metadata,
          contacts: [{ profile: { name: event.customer.name }, wa_id: event.customer.waId, user_id: event.customer.bsuid }],
          messages: [
            { from: event.customer.waId, id: event.wamid, timestamp: String(event.timestamp), text: { body: event.text }, type: "text" },
          ],
        }
      : { messaging_product: "whatsapp", metadata, statuses: [statusReceipt(event)] };
  return JSON.stringify({
    object: "whatsapp_business_account",
    entry: [{ id: channel.wabaId, changes: [{ value, field: "messages" }] }],
  });
}

export function statusReceipt(event: StatusEvent) {
  return {
    id: event.wamid,
    status: event.status,
    timestamp: String(event.timestamp),
    recipient_id: event.recipientWaId,
    ...(event.status === "sent" ? { conversation: { id: "bench-conversation", origin: { type: "service" } } } : {}),
    pricing: { billable: false, pricing_model: "PMP", type: "free_customer_service", category: "service" },
  };
}
