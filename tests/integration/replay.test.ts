import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { postWebhook, webhookProcessed } from "../support/http";

// Meta delivers at least once and in any order. A large mixed batch (inbound messages from many
// customers, receipts for many outbound messages) posted concurrently, shuffled, then posted again
// reshuffled, must leave exactly the same state, with nothing missing and nothing doubled.

afterAll(() => disconnectDb());

const CUSTOMERS = 25;
const INBOUND_PER_CUSTOMER = 4;
const OUTBOUND_PER_CUSTOMER = 2;
const tag = randomBytes(4).toString("hex");
const base = Math.floor(Date.now() / 1000) - 3_600;

type Item = { kind: "message"; waId: string; value: Record<string, unknown> } | { kind: "status"; value: Record<string, unknown> };

function envelope(items: Item[]) {
  // Several entries per body, one change each, as Meta batches them.
  return {
    object: "whatsapp_business_account",
    entry: items.map((item) => ({
      id: inject("wabaId"),
      changes: [
        {
          field: "messages",
          value: {
            messaging_product: "whatsapp",
            metadata: { display_phone_number: "15550100200", phone_number_id: inject("phoneNumberId") },
            ...(item.kind === "message"
              ? { contacts: [{ profile: { name: `Replay ${item.waId}` }, wa_id: item.waId }], messages: [item.value] }
              : { statuses: [item.value] }),
          },
        },
      ],
    })),
  };
}

function shuffle<T>(list: T[]): T[] {
  const copy = list.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

async function postAll(items: Item[], concurrency = 8) {
  const bodies: Item[][] = [];
  for (let index = 0; index < items.length;) {
    const size = 1 + Math.floor(Math.random() * 6);
    bodies.push(items.slice(index, index + size));
    index += size;
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++];
        const response = await postWebhook(envelope(body), { settle: false });
        expect(response.status).toBe(200);
        expect((await webhookProcessed(((await response.json()) as { event: string }).event)).state).toBe("PROCESSED");
      }
    }),
  );
}

async function snapshot(waIds: string[]) {
  const contacts = await db.contact.findMany({ where: { waId: { in: waIds } }, orderBy: { waId: "asc" } });
  const conversations = await db.conversation.findMany({
    where: { contactId: { in: contacts.map((c) => c.id) } },
    include: { messages: { orderBy: { externalId: "asc" } } },
    orderBy: { id: "asc" },
  });
  return {
    contacts: contacts.map(({ waId, name }) => ({ waId, name })),
    conversations: conversations.map((c) => ({
      contactId: c.contactId,
      unreadCount: c.unreadCount,
      lastInboundAt: c.lastInboundAt?.toISOString(),
      lastMessageAt: c.lastMessageAt.toISOString(),
      preview: c.lastMessagePreview,
      messages: c.messages.map((m) => ({
        externalId: m.externalId,
        direction: m.direction,
        status: m.status,
        text: m.text,
        sentAt: m.sentAt?.toISOString(),
        deliveredAt: m.deliveredAt?.toISOString(),
        readAt: m.readAt?.toISOString(),
        pricingCategory: m.pricingCategory,
      })),
    })),
  };
}

describe("replaying a large mixed batch", () => {
  it("gives the same final state twice over, shuffled, with nothing missing or doubled", async () => {
    const channel = await db.channel.findUniqueOrThrow({ where: { phoneNumberId: inject("phoneNumberId") } });
    const waIds = Array.from(
      { length: CUSTOMERS },
      (_, i) => `3${tag.replace(/\D/g, "").padEnd(4, "7").slice(0, 4)}${String(i).padStart(6, "0")}`,
    );

    // Every customer wrote once already and got two replies, whose wamids the receipts will name.
    const outboundWamids: string[] = [];
    for (const [index, waId] of waIds.entries()) {
      const first = {
        from: waId,
        id: `wamid.replay-${tag}-${index}-0`,
        timestamp: String(base + index),
        type: "text",
        text: { body: "first" },
      };
      expect((await postWebhook(envelope([{ kind: "message", waId, value: first }]))).status).toBe(200);
      const conversation = await db.conversation.findFirstOrThrow({ where: { contact: { waId } } });
      for (let n = 0; n < OUTBOUND_PER_CUSTOMER; n++) {
        const wamid = `wamid.replay-${tag}-${index}-out-${n}`;
        outboundWamids.push(wamid);
        await db.message.create({
          data: {
            id: randomUUID(),
            channelId: channel.id,
            conversationId: conversation.id,
            direction: "OUTBOUND",
            type: "text",
            text: `reply ${n}`,
            status: "QUEUED",
            externalId: wamid,
            timestamp: new Date((base + index + 10 + n) * 1000),
          },
        });
      }
    }

    const items: Item[] = [];
    for (const [index, waId] of waIds.entries()) {
      for (let n = 1; n <= INBOUND_PER_CUSTOMER; n++) {
        items.push({
          kind: "message",
          waId,
          value: {
            from: waId,
            id: `wamid.replay-${tag}-${index}-${n}`,
            timestamp: String(base + 100 + index * 10 + n),
            type: "text",
            text: { body: `message ${n}` },
          },
        });
      }
    }
    for (const [index, wamid] of outboundWamids.entries()) {
      for (const [step, status] of ["sent", "delivered", "read"].entries()) {
        items.push({
          kind: "status",
          value: {
            id: wamid,
            status,
            timestamp: String(base + 500 + index * 10 + step),
            recipient_id: waIds[Math.floor(index / OUTBOUND_PER_CUSTOMER)],
            ...(status === "read"
              ? {}
              : { pricing: { billable: false, pricing_model: "PMP", type: "free_customer_service", category: "service" } }),
          },
        });
      }
    }

    await postAll(shuffle(items));
    const first = await snapshot(waIds);
    await postAll(shuffle(items));
    const second = await snapshot(waIds);
    expect(second).toEqual(first);

    // Nothing missing, nothing doubled.
    expect(first.contacts).toHaveLength(CUSTOMERS);
    expect(first.conversations).toHaveLength(CUSTOMERS);
    for (const conversation of first.conversations) {
      const inbound = conversation.messages.filter((m) => m.direction === "INBOUND");
      const outbound = conversation.messages.filter((m) => m.direction === "OUTBOUND");
      expect(inbound).toHaveLength(INBOUND_PER_CUSTOMER + 1);
      expect(new Set(inbound.map((m) => m.externalId)).size).toBe(INBOUND_PER_CUSTOMER + 1);
      expect(conversation.unreadCount).toBe(INBOUND_PER_CUSTOMER + 1);
      expect(conversation.preview).toBe(`message ${INBOUND_PER_CUSTOMER}`);
      for (const message of outbound) {
        expect(message).toMatchObject({ status: "READ", pricingCategory: "service" });
        expect(message.sentAt && message.deliveredAt && message.readAt).toBeTruthy();
      }
    }
    expect(await db.messageStatusEvent.count({ where: { externalId: { in: outboundWamids } } })).toBe(outboundWamids.length * 3);
  });
});
