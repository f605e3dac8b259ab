import { randomBytes, randomInt, randomUUID } from "node:crypto";
import { expect, inject } from "vitest";
import { db } from "@/lib/db/client";
import { baseUrl, fixture, postWebhook, webhookProcessed } from "../support/http";

// Factories for the integration suite: every test makes its own customers, conversations and
// messages with unique ids, so files run in parallel against the one shared server and database.

/** A short random tag for wamids, names and database names. */
export function uniqueTag(): string {
  return randomBytes(6).toString("hex");
}

/** A 12-digit phone number nobody else in the suite uses. */
export function uniqueWaId(): string {
  return `49${String(randomInt(0, 10_000_000_000)).padStart(10, "0")}`;
}

export async function testChannel() {
  return db.channel.findUniqueOrThrow({ where: { phoneNumberId: inject("phoneNumberId") }, include: { inbox: true } });
}

/**
 * POSTs a signed body and expects Meta's 200; returns the logged event's id and how processing
 * (which follows the answer) ended, with the problems it named.
 */
export async function deliver(body: unknown): Promise<{ event: string; state: "PROCESSED" | "FAILED"; problems: string | null }> {
  const response = await postWebhook(body, { settle: false });
  expect(response.status, await response.clone().text()).toBe(200);
  const { event } = (await response.json()) as { event: string };
  const { state, error } = await webhookProcessed(event);
  return { event, state, problems: error };
}

/**
 * A customer writes in through a signed webhook (fixture wa-inbound-text.json, made unique).
 * Returns the conversation it landed in, with its contact.
 */
export async function customerWritesIn({ text = "Hello from a test" }: { text?: string } = {}) {
  const tag = uniqueTag();
  const body = inboundTextBody({ tag });
  const value = body.entry[0].changes[0].value;
  value.messages[0].text.body = text;
  // Recent, so the customer service window is open.
  value.messages[0].timestamp = String(Math.floor(Date.now() / 1000) - 60);
  const { event } = await deliver(body);
  const wamid = value.messages[0].id;
  const message = await db.message.findFirstOrThrow({
    where: { externalId: wamid },
    include: { conversation: { include: { contact: true } } },
  });
  return { conversation: message.conversation, contact: message.conversation.contact, inboundWamid: wamid, tag, eventId: event };
}

/**
 * Meta's inbound text webhook (fixture wa-inbound-text.json) from a customer nobody else uses:
 * fresh wamid, phone number and business-scoped user id.
 */
export function inboundTextBody({ tag = uniqueTag() }: { tag?: string } = {}): InboundBody {
  const body = fixture("wa-inbound-text.json", { unique: tag }) as InboundBody;
  const value = body.entry[0].changes[0].value;
  const waId = uniqueWaId();
  value.contacts[0].wa_id = waId;
  value.contacts[0].user_id = `US.${tag}`;
  value.messages[0].from = waId;
  return body;
}

/**
 * Another team's inbox: a WhatsApp number none of the demo users belong to, with a customer who
 * wrote to it through the real webhook. Nobody signed in as a demo user may see or touch it.
 */
export async function otherInboxConversation() {
  const tag = uniqueTag();
  const phoneNumberId = `3${String(randomInt(0, 100_000_000_000_000)).padStart(14, "0")}`;
  const channel = await db.channel.create({
    data: { phoneNumberId, displayPhoneNumber: "15550100999", wabaId: "299999999999999", inbox: { create: { name: `Other team ${tag}` } } },
    include: { inbox: true },
  });
  const body = inboundTextBody({ tag });
  body.entry[0].changes[0].value.metadata.phone_number_id = phoneNumberId;
  const outcome = await deliver(body);
  expect(outcome.state).toBe("PROCESSED");
  const message = await db.message.findFirstOrThrow({
    where: { externalId: body.entry[0].changes[0].value.messages[0].id },
    include: { conversation: { include: { contact: true } } },
  });
  expect(message.channelId).toBe(channel.id);
  return { channel, inbox: channel.inbox!, conversation: message.conversation, contact: message.conversation.contact, body };
}

/** An agent's reply as the send job leaves it once Meta has accepted it: OUTBOUND with a wamid. */
export async function outboundMessage({
  conversationId,
  channelId,
  status = "SENT",
  externalId = `wamid.test-out-${uniqueTag()}`,
}: {
  conversationId: string;
  channelId: string;
  status?: "QUEUED" | "SENT";
  externalId?: string | null;
}) {
  return db.message.create({
    data: {
      id: randomUUID(),
      channelId,
      conversationId,
      direction: "OUTBOUND",
      type: "text",
      text: "A reply from the business",
      status,
      externalId,
    },
  });
}

export type ReceiptName = "sent" | "delivered" | "read";

const receiptFixtures: Record<ReceiptName, string> = {
  sent: "wa-status-sent-cbp.json",
  delivered: "wa-status-delivered-cbp.json",
  read: "wa-status-read-cbp.json",
};

/** Meta's status webhook for `wamid` (from the CBP fixtures), stamped `at` (Unix seconds). */
export function statusBody({ wamid, status, at }: { wamid: string; status: ReceiptName; at: number }) {
  const body = fixture(receiptFixtures[status]) as StatusBody;
  const receipt = body.entry[0].changes[0].value.statuses[0];
  expect(receipt.status).toBe(status);
  receipt.id = wamid;
  receipt.timestamp = String(at);
  return body;
}

/** Polls `probe` until it returns something truthy, for at most `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T | null | undefined | false>,
  { timeoutMs = 15_000, what = "condition" } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await probe();
    if (result) return result;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Sends a message as a simulated customer through the simulator's phone API (real HTTP). */
export async function simulatorCustomerSays({ waId, name, text }: { waId: string; name: string; text: string }) {
  const response = await fetch(`${baseUrl()}/api/simulator/customers/${waId}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, text }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  const result = (await response.json()) as { wamid: string; webhookStatus: number };
  expect(result.webhookStatus).toBe(200);
  // Acknowledged means stored; the message is in the inbox moments later.
  await eventually(() => db.message.findFirst({ where: { externalId: result.wamid }, select: { id: true } }), { what: "the message" });
  return result;
}

export type InboundBody = {
  entry: {
    changes: {
      value: {
        metadata: { phone_number_id: string };
        contacts: { wa_id: string; user_id: string; profile: { name: string } }[];
        messages: { id: string; from: string; timestamp: string; text: { body: string } }[];
      };
    }[];
  }[];
};

export type StatusBody = {
  entry: { changes: { value: { metadata: { phone_number_id: string }; statuses: Record<string, unknown>[] } }[] }[];
};
