import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { reloadConfig } from "@/lib/config";
import { db, disconnectDb } from "@/lib/db/client";
import { deliverMessage } from "@/lib/conversations/deliver-message";
import { signBody } from "@/lib/whatsapp/signature";
import { baseUrl, postWebhook, signIn, webhookProcessed } from "../support/http";
import {
  customerWritesIn,
  deliver,
  eventually,
  inboundTextBody,
  outboundMessage,
  statusBody,
  testChannel,
  uniqueTag,
  uniqueWaId,
  type ReceiptName,
} from "./factories";

// POST /api/webhooks/whatsapp as Meta (and the simulator) calls it: signed bodies, duplicates,
// receipts out of order, several items per body. Rows are asserted in the database.

afterAll(() => disconnectDb());

const webhookUrl = () => `${baseUrl()}/api/webhooks/whatsapp`;

/** How many logged webhook bodies mention `marker` (a wamid unique to one test). */
async function loggedBodiesMentioning(marker: string): Promise<number> {
  const [row] = await db.$queryRaw<{ count: bigint }[]>`
    SELECT count(*) AS count FROM "WebhookEvent" WHERE payload::text LIKE ${`%${marker}%`}`;
  return Number(row.count);
}

describe("GET /api/webhooks/whatsapp — Meta's verification handshake", () => {
  const handshake = (params: Record<string, string>) => fetch(`${webhookUrl()}?${new URLSearchParams(params)}`);

  it("answers 200 with the challenge when the verify token matches", async () => {
    const challenge = `challenge-${uniqueTag()}`;
    const response = await handshake({ "hub.mode": "subscribe", "hub.verify_token": inject("verifyToken"), "hub.challenge": challenge });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(challenge);
  });

  it.each([
    ["a wrong verify token", (): Record<string, string> => ({ "hub.mode": "subscribe", "hub.verify_token": "not-the-token" })],
    ["a wrong mode", (): Record<string, string> => ({ "hub.mode": "unsubscribe", "hub.verify_token": inject("verifyToken") })],
    ["no verify token", (): Record<string, string> => ({ "hub.mode": "subscribe" })],
  ])("answers 403 to %s and does not echo the challenge", async (_label, params) => {
    const challenge = `challenge-${uniqueTag()}`;
    const response = await handshake({ ...params(), "hub.challenge": challenge });
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain(challenge);
  });
});

describe("POST /api/webhooks/whatsapp — what is refused", () => {
  it.each([
    ["a missing signature", (_text: string) => null],
    ["a signature made with another secret", (text: string) => signBody(text, "not-the-app-secret")],
    ["a malformed signature header", (text: string) => signBody(text, inject("appSecret")).replace("sha256=", "")],
  ])("refuses %s with 401 and stores nothing", async (_label, sign) => {
    const body = inboundTextBody();
    const wamid = body.entry[0].changes[0].value.messages[0].id;
    const text = JSON.stringify(body);
    const response = await postWebhook(body, { raw: text, signature: sign(text) });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "INVALID_SIGNATURE" } });
    expect(await loggedBodiesMentioning(wamid)).toBe(0);
    expect(await db.message.count({ where: { externalId: wamid } })).toBe(0);
  });

  it("refuses a body changed after it was signed with 401", async () => {
    const body = inboundTextBody();
    const wamid = body.entry[0].changes[0].value.messages[0].id;
    const signed = JSON.stringify(body);
    const tampered = signed.replace("Body Text", "Body Text, and send me a refund");
    expect(tampered).not.toBe(signed);
    const response = await postWebhook(null, { raw: tampered, signature: signBody(signed, inject("appSecret")) });
    expect(response.status).toBe(401);
    expect(await loggedBodiesMentioning(wamid)).toBe(0);
  });

  it("answers malformed JSON (correctly signed) with 400 and a JSON error", async () => {
    const response = await postWebhook(null, { raw: '{"object":"whatsapp_business_account","entry":[' });
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toMatchObject({ error: { code: "INVALID_JSON", message: expect.any(String) } });
  });

  it.each([
    ["an object with no entry list", { hello: "world" }],
    ["entries that are not objects", { object: "whatsapp_business_account", entry: ["nope"] }],
    ["a JSON array", [1, 2, 3]],
  ])("answers JSON that is not a webhook notification (%s) with 400", async (_label, body) => {
    const response = await postWebhook(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "INVALID_PAYLOAD", message: expect.any(String) } });
  });

  it("answers a body over Meta's 3 MB limit with 413", async () => {
    const marker = `oversized-${uniqueTag()}`;
    const body = { object: "whatsapp_business_account", entry: [{ id: marker, changes: [] }], padding: "x".repeat(3 * 1024 * 1024) };
    const response = await postWebhook(body);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
    expect(await loggedBodiesMentioning(marker)).toBe(0);
  });

  it("answers an oversized body sent without a Content-Length (chunked) with 413 too", async () => {
    const chunk = new TextEncoder().encode("x".repeat(256 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 13) return controller.close(); // 13 × 256 KB > 3 MB
        sent++;
        controller.enqueue(chunk);
      },
    });
    const response = await fetch(webhookUrl(), {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature-256": "sha256=00" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
  });
});

describe("POST /api/webhooks/whatsapp — inbound messages", () => {
  it("turns a customer's text into a contact, an open conversation and one inbound message", async () => {
    const channel = await testChannel();
    const body = inboundTextBody();
    const value = body.entry[0].changes[0].value;
    const [message] = value.messages;
    const sentAt = Math.floor(Date.now() / 1000) - 120;
    message.timestamp = String(sentAt);
    message.text.body = `Where is my order? ${uniqueTag()}`;

    const outcome = await deliver(body);
    expect(outcome.state).toBe("PROCESSED");

    const contact = await db.contact.findUniqueOrThrow({ where: { channelId_waId: { channelId: channel.id, waId: message.from } } });
    expect(contact).toMatchObject({ name: "Test Name", waId: message.from, bsuid: value.contacts[0].user_id });

    const conversations = await db.conversation.findMany({ where: { contactId: contact.id } });
    expect(conversations).toHaveLength(1);
    const [conversation] = conversations;
    expect(conversation).toMatchObject({
      status: "OPEN",
      unreadCount: 1,
      inboxId: channel.inbox!.id,
      lastMessagePreview: message.text.body,
    });
    expect(conversation.lastInboundAt).toEqual(new Date(sentAt * 1000));

    const messages = await db.message.findMany({ where: { conversationId: conversation.id } });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      direction: "INBOUND",
      type: "text",
      text: message.text.body,
      externalId: message.id,
      status: "RECEIVED",
      timestamp: new Date(sentAt * 1000),
    });

    // The raw body is logged, linked to its channel.
    const event = await db.webhookEvent.findUniqueOrThrow({ where: { id: outcome.event } });
    expect(event).toMatchObject({ state: "PROCESSED", channelId: channel.id, phoneNumberId: inject("phoneNumberId"), error: null });
    expect(event.payload).toEqual(body);
    expect(event.processedAt).not.toBeNull();

    // And an agent sees it in the inbox.
    const agent = await signIn("agent@example.com");
    const response = await agent.fetch(`/api/conversations/${conversation.id}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      id: conversation.id,
      status: "OPEN",
      unreadCount: 1,
      contact: { name: "Test Name", waId: message.from },
      lastMessagePreview: message.text.body,
    });
  });

  it("stores a redelivered body once: still one message and the same unread count, but both deliveries logged", async () => {
    const body = inboundTextBody();
    const wamid = body.entry[0].changes[0].value.messages[0].id;

    const first = await deliver(body);
    const message = await db.message.findFirstOrThrow({ where: { externalId: wamid } });
    const before = await db.conversation.findUniqueOrThrow({ where: { id: message.conversationId } });

    const second = await deliver(body);
    expect(second.event).not.toBe(first.event);
    const third = await postWebhook(body); // and a burst of the same body at once
    const fourth = await postWebhook(body);
    expect([third.status, fourth.status]).toEqual([200, 200]);

    expect(await db.message.count({ where: { externalId: wamid } })).toBe(1);
    const after = await db.conversation.findUniqueOrThrow({ where: { id: message.conversationId } });
    expect(after.unreadCount).toBe(1);
    expect(after.unreadCount).toBe(before.unreadCount);
    expect(await db.conversation.count({ where: { contactId: before.contactId } })).toBe(1);
    expect(await loggedBodiesMentioning(wamid)).toBe(4);
  });

  it("survives Meta delivering the same new customer's message several times at once", async () => {
    const body = inboundTextBody();
    const { id: wamid, from } = body.entry[0].changes[0].value.messages[0];
    const responses = await Promise.all([1, 2, 3, 4, 5].map(() => postWebhook(body)));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);

    const contacts = await db.contact.findMany({ where: { waId: from } });
    expect(contacts).toHaveLength(1);
    const conversations = await db.conversation.findMany({ where: { contactId: contacts[0].id } });
    expect(conversations).toHaveLength(1);
    expect(conversations[0].unreadCount).toBe(1);
    expect(await db.message.count({ where: { externalId: wamid } })).toBe(1);
    expect(await loggedBodiesMentioning(wamid)).toBe(5);
  });

  it("puts a new customer's burst of different messages, arriving at once, into one conversation", async () => {
    const first = inboundTextBody();
    const bodies = [0, 1, 2, 3, 4].map((index) => {
      const body = structuredClone(first);
      const message = body.entry[0].changes[0].value.messages[0];
      message.id = `${message.id}-${index}`;
      message.text.body = `Part ${index} of my question`;
      return body;
    });
    const outcomes = await Promise.all(bodies.map((body) => deliver(body)));
    expect(outcomes.every((outcome) => outcome.state === "PROCESSED")).toBe(true);

    const from = first.entry[0].changes[0].value.messages[0].from;
    const contacts = await db.contact.findMany({ where: { waId: from } });
    expect(contacts).toHaveLength(1);
    const conversations = await db.conversation.findMany({ where: { contactId: contacts[0].id }, include: { messages: true } });
    expect(conversations).toHaveLength(1);
    expect(conversations[0].messages).toHaveLength(5);
    expect(conversations[0].unreadCount).toBe(5);
  });

  it("processes two bodies naming the same customers in opposite orders at the same moment (no deadlock lost)", async () => {
    // Bodies lock their customers in one canonical order, and should two ever deadlock anyway,
    // PostgreSQL aborts one, which must run again rather than end up FAILED. A lock the test holds
    // on both contacts lines the two transactions up so that they start at the same instant.
    const [alice, bob] = [await customerWritesIn(), await customerWritesIn()];
    const write = (customer: typeof alice, text: string) => {
      const body = inboundTextBody();
      const value = body.entry[0].changes[0].value;
      value.contacts[0] = { ...value.contacts[0], wa_id: customer.contact.waId!, user_id: customer.contact.bsuid! };
      value.messages[0].from = customer.contact.waId!;
      value.messages[0].text.body = text;
      return body.entry[0];
    };
    const first = { object: "whatsapp_business_account", entry: [write(alice, "alice 1"), write(bob, "bob 1")] };
    const second = { object: "whatsapp_business_account", entry: [write(bob, "bob 2"), write(alice, "alice 2")] };

    const blocker = new pg.Client({ connectionString: inject("databaseUrl") });
    await blocker.connect();
    let responses: Promise<Response[]> | undefined;
    try {
      await blocker.query("BEGIN");
      await blocker.query(`SELECT id FROM "Contact" WHERE id = ANY($1) FOR UPDATE`, [[alice.contact.id, bob.contact.id]]);
      const [{ pid }] = (await blocker.query("SELECT pg_backend_pid() AS pid")).rows;
      responses = Promise.all([postWebhook(first, { settle: false }), postWebhook(second, { settle: false })]);
      // Stored and answered at once; processing waits on the contacts (both bodies in one batch, or each in its own).
      await eventually(async () => (await waitingBehind(pid)) >= 1, { timeoutMs: 10_000, what: "the bodies to wait on the contacts" });
    } finally {
      await blocker.query("ROLLBACK");
      await blocker.end();
    }
    const outcomes = await Promise.all(
      (await responses!).map(async (response) => {
        const { event } = (await response.json()) as { event: string };
        return { status: response.status, state: (await webhookProcessed(event)).state };
      }),
    );
    expect(outcomes).toMatchObject([
      { status: 200, state: "PROCESSED" },
      { status: 200, state: "PROCESSED" },
    ]);
    for (const [customer, texts] of [
      [alice, ["alice 1", "alice 2"]],
      [bob, ["bob 1", "bob 2"]],
    ] as const) {
      const messages = await db.message.findMany({ where: { conversationId: customer.conversation.id, direction: "INBOUND" } });
      expect(messages.map((message) => message.text)).toEqual(expect.arrayContaining([...texts]));
      expect((await db.conversation.findUniqueOrThrow({ where: { id: customer.conversation.id } })).unreadCount).toBe(3);
    }
  });

  it("keeps a body for an unknown phone_number_id, marked FAILED with an error naming the id", async () => {
    const unknownId = `9${uniqueWaId()}`;
    const body = inboundTextBody();
    body.entry[0].changes[0].value.metadata.phone_number_id = unknownId;
    const wamid = body.entry[0].changes[0].value.messages[0].id;

    const outcome = await deliver(body); // 200, so Meta does not retry a body no retry can fix
    expect(outcome.state).toBe("FAILED");

    const event = await db.webhookEvent.findUniqueOrThrow({ where: { id: outcome.event } });
    expect(event).toMatchObject({ state: "FAILED", phoneNumberId: unknownId, channelId: null });
    expect(event.error).toContain(unknownId);
    expect(event.payload).toEqual(body);
    expect(await db.message.count({ where: { externalId: wamid } })).toBe(0);

    // An admin finds it in the webhook log.
    const admin = await signIn("admin@example.com");
    const response = await admin.fetch("/api/webhook-events?state=FAILED&limit=200");
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: { id: string; error: string | null }[] };
    expect(items.find((item) => item.id === outcome.event)?.error).toContain(unknownId);
  });
});

describe("POST /api/webhooks/whatsapp — status receipts", () => {
  const orders: ReceiptName[][] = [
    ["sent", "delivered", "read"],
    ["sent", "read", "delivered"],
    ["delivered", "sent", "read"],
    ["delivered", "read", "sent"],
    ["read", "sent", "delivered"],
    ["read", "delivered", "sent"],
  ];

  it("ends READ with every timestamp and the pricing recorded, whatever the order and however often receipts arrive", async () => {
    const { conversation } = await customerWritesIn();
    const base = Math.floor(Date.now() / 1000) - 600;
    const times: Record<ReceiptName, number> = { sent: base, delivered: base + 5, read: base + 30 };

    const messages = await Promise.all(
      orders.map(() => outboundMessage({ conversationId: conversation.id, channelId: conversation.contact.channelId, status: "QUEUED" })),
    );
    // One message per order, all at once; within a message, each receipt twice and the last ones backwards.
    await Promise.all(
      orders.map(async (order, index) => {
        const wamid = messages[index].externalId!;
        for (const status of [...order, ...order.toReversed()]) {
          await deliver(statusBody({ wamid, status, at: times[status] }));
        }
      }),
    );

    for (const [index, sent] of messages.entries()) {
      const message = await db.message.findUniqueOrThrow({ where: { id: sent.id } });
      expect({ order: orders[index].join(" → "), ...message }).toMatchObject({
        status: "READ",
        sentAt: new Date(times.sent * 1000),
        deliveredAt: new Date(times.delivered * 1000),
        readAt: new Date(times.read * 1000),
        failedAt: null,
        pricingModel: "CBP",
        pricingCategory: "service",
        billable: true,
        metaConversationId: "7270432eae37498234f4444b35ffc5",
        metaConversationOrigin: "service",
        metaConversationExpiresAt: new Date(1698339900 * 1000),
      });
      // Deduplicated on (wamid, status): three receipts kept, not six.
      expect(await db.messageStatusEvent.count({ where: { externalId: sent.externalId! } })).toBe(3);
    }

    // The agent's thread shows the read ticks.
    const agent = await signIn("agent@example.com");
    const thread = (await (await agent.fetch(`/api/conversations/${conversation.id}/messages`)).json()) as {
      items: { id: string; status: string; readAt: string | null }[];
    };
    for (const sent of messages) {
      expect(thread.items.find((item) => item.id === sent.id)).toMatchObject({
        status: "READ",
        readAt: new Date(times.read * 1000).toISOString(),
      });
    }
  });

  it("keeps a receipt that arrives before its message is known and applies it once the send is recorded", async () => {
    const { conversation, contact } = await customerWritesIn();
    const wamid = `wamid.early-${uniqueTag()}`;
    const base = Math.floor(Date.now() / 1000) - 60;
    const times: Record<ReceiptName, number> = { sent: base, delivered: base + 2, read: base + 9 };

    // Meta's receipts overtake the Graph API's answer: nothing in the inbox has this wamid yet.
    for (const status of ["read", "sent", "delivered"] as const) {
      const outcome = await deliver(statusBody({ wamid, status, at: times[status] }));
      expect(outcome.state).toBe("PROCESSED");
    }
    const waiting = await db.messageStatusEvent.findMany({ where: { externalId: wamid }, orderBy: { timestamp: "asc" } });
    expect(waiting.map((event) => event.status)).toEqual(["sent", "delivered", "read"]);
    expect(waiting.every((event) => event.channelId === conversation.contact.channelId)).toBe(true);

    // Now the reply the receipts belong to goes out: the send job calls the Graph API, which
    // answers with that wamid. A stand-in Graph API plays Meta; the job is the product's own code.
    const queued = await outboundMessage({
      conversationId: conversation.id,
      channelId: conversation.contact.channelId,
      status: "QUEUED",
      externalId: null,
    });
    const graph = await stubGraphApi({ wamid });
    try {
      await deliverMessage({ messageId: queued.id, attempt: 1, lastAttempt: true });
    } finally {
      await graph.close();
    }
    expect(graph.requests).toHaveLength(1);
    expect(graph.requests[0]).toMatchObject({ to: contact.waId, type: "text", text: { body: queued.text } });

    const message = await db.message.findUniqueOrThrow({ where: { id: queued.id } });
    expect(message).toMatchObject({
      externalId: wamid,
      status: "READ",
      sentAt: new Date(times.sent * 1000),
      deliveredAt: new Date(times.delivered * 1000),
      readAt: new Date(times.read * 1000),
      pricingModel: "CBP",
      pricingCategory: "service",
      billable: true,
    });
  });

  it("applies a receipt that is being stored while the send job records the wamid (no lost tick)", async () => {
    // The race: Meta's "sent" receipt is in a webhook transaction that has looked for the wamid
    // (not there yet) but not committed, while the send job stores the wamid and looks for waiting
    // receipts (not committed yet, so not seen). Neither applies it and the reply shows "queued"
    // forever. Here a later item in the same body waits on a lock the test holds on its contact,
    // which keeps the webhook transaction open long enough for the send job to run in between.
    const { conversation, contact } = await customerWritesIn();
    const wamid = `wamid.race-${uniqueTag()}`;
    const at = Math.floor(Date.now() / 1000) - 5;
    const queued = await outboundMessage({
      conversationId: conversation.id,
      channelId: conversation.contact.channelId,
      status: "QUEUED",
      externalId: null,
    });

    const follow = inboundTextBody();
    const followValue = follow.entry[0].changes[0].value;
    followValue.contacts[0] = { ...followValue.contacts[0], wa_id: contact.waId!, user_id: contact.bsuid! };
    followValue.messages[0].from = contact.waId!;
    const receipt = statusBody({ wamid, status: "sent", at });
    const body = { object: "whatsapp_business_account", entry: [receipt.entry[0], follow.entry[0]] };

    const blocker = new pg.Client({ connectionString: inject("databaseUrl") });
    await blocker.connect();
    let webhook: Promise<Response> | undefined;
    let delivery: Promise<void> | undefined;
    const graph = await stubGraphApi({ wamid });
    try {
      await blocker.query("BEGIN");
      await blocker.query(`SELECT id FROM "Contact" WHERE id = $1 FOR UPDATE`, [contact.id]);
      const [{ pid: blockerPid }] = (await blocker.query("SELECT pg_backend_pid() AS pid")).rows;

      webhook = postWebhook(body);
      const webhookPid = await eventually(() => blockedBy(blockerPid), { timeoutMs: 10_000, what: "the webhook to wait on the contact" });

      let finished = false;
      delivery = deliverMessage({ messageId: queued.id, attempt: 1, lastAttempt: true }).finally(() => (finished = true));
      // The send job either completes at once or waits for the webhook transaction; both are fine
      // to continue from, and what counts is the outcome.
      await eventually(async () => finished || (await blockedBy(webhookPid)), { timeoutMs: 10_000, what: "the send job to run" });
    } finally {
      await blocker.query("ROLLBACK");
      await blocker.end();
      await Promise.allSettled([webhook, delivery]);
      await graph.close();
    }
    expect((await webhook!).status).toBe(200);
    await delivery;

    expect(await db.message.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({
      externalId: wamid,
      status: "SENT",
      sentAt: new Date(at * 1000),
    });
    expect(await db.message.count({ where: { externalId: followValue.messages[0].id } })).toBe(1);
  });

  it("processes every entry, change, message and status of a batched body", async () => {
    const channel = await testChannel();
    const { conversation } = await customerWritesIn();
    const outA = await outboundMessage({ conversationId: conversation.id, channelId: channel.id, status: "QUEUED" });
    const outB = await outboundMessage({ conversationId: conversation.id, channelId: channel.id, status: "QUEUED" });
    const at = Math.floor(Date.now() / 1000) - 30;

    const customers = [0, 1, 2].map((index) => {
      const body = inboundTextBody();
      const value = body.entry[0].changes[0].value;
      value.contacts[0].profile.name = `Batch Customer ${index} ${uniqueTag()}`;
      value.messages[0].text.body = `Batched message ${index}`;
      value.messages[0].timestamp = String(at);
      return { contact: value.contacts[0], message: value.messages[0] };
    });
    const receipt = (wamid: string, status: ReceiptName, seconds: number) =>
      statusBody({ wamid, status, at: seconds }).entry[0].changes[0].value.statuses[0];
    const metadata = { display_phone_number: "15550100200", phone_number_id: inject("phoneNumberId") };
    const change = (value: Record<string, unknown>) => ({
      field: "messages",
      value: { messaging_product: "whatsapp", metadata, ...value },
    });

    const body = {
      object: "whatsapp_business_account",
      entry: [
        {
          id: "200000000000001",
          changes: [
            change({
              contacts: [customers[0].contact, customers[1].contact],
              messages: [customers[0].message, customers[1].message],
              statuses: [receipt(outA.externalId!, "sent", at)],
            }),
          ],
        },
        {
          id: "200000000000001",
          changes: [
            change({
              contacts: [customers[2].contact],
              messages: [customers[2].message],
              statuses: [receipt(outA.externalId!, "delivered", at + 1), receipt(outB.externalId!, "read", at + 3)],
            }),
            change({ statuses: [receipt(outB.externalId!, "sent", at + 1)] }),
          ],
        },
      ],
    };
    const outcome = await deliver(body);
    expect(outcome.state).toBe("PROCESSED");

    for (const { contact, message } of customers) {
      const stored = await db.message.findFirstOrThrow({
        where: { externalId: message.id },
        include: { conversation: { include: { contact: true } } },
      });
      expect(stored).toMatchObject({ direction: "INBOUND", text: message.text.body });
      // Each message lands with its own customer, named from its own profile.
      expect(stored.conversation.contact).toMatchObject({ waId: contact.wa_id, name: contact.profile.name });
      expect(stored.conversation.unreadCount).toBe(1);
    }
    expect(await db.message.findUniqueOrThrow({ where: { id: outA.id } })).toMatchObject({
      status: "DELIVERED",
      sentAt: new Date(at * 1000),
      deliveredAt: new Date((at + 1) * 1000),
      readAt: null,
    });
    expect(await db.message.findUniqueOrThrow({ where: { id: outB.id } })).toMatchObject({
      status: "READ",
      sentAt: new Date((at + 1) * 1000),
      readAt: new Date((at + 3) * 1000),
    });
  });
});

/** The pid of a backend waiting on a lock that `pid` holds, if any. */
async function blockedBy(pid: number): Promise<number | null> {
  const [row] = await db.$queryRaw<{ pid: number }[]>`
    SELECT pid FROM pg_stat_activity WHERE ${pid}::int = ANY(pg_blocking_pids(pid)) LIMIT 1`;
  return row?.pid ?? null;
}

/** How many backends are waiting on a lock that `pid` holds. */
/** Sessions blocked by `pid`, directly or queued behind another session that it blocks. */
async function waitingBehind(pid: number): Promise<number> {
  const [row] = await db.$queryRaw<{ count: bigint }[]>`
    WITH RECURSIVE blocked AS (
      SELECT a.pid FROM pg_stat_activity a WHERE ${pid}::int = ANY(pg_blocking_pids(a.pid))
      UNION
      SELECT a.pid FROM pg_stat_activity a JOIN blocked b ON b.pid = ANY(pg_blocking_pids(a.pid))
    )
    SELECT count(*) AS count FROM blocked`;
  return Number(row.count);
}

/** A stand-in for graph.facebook.com that accepts one send and answers with `wamid`. */
async function stubGraphApi({ wamid }: { wamid: string }) {
  const requests: Record<string, unknown>[] = [];
  const server: Server = createServer((request, response) => {
    let text = "";
    request.on("data", (chunk) => (text += chunk));
    request.on("end", () => {
      requests.push(JSON.parse(text || "{}"));
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ messaging_product: "whatsapp", contacts: [], messages: [{ id: wamid }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const saved = { url: process.env.WHATSAPP_GRAPH_URL, token: process.env.WHATSAPP_ACCESS_TOKEN };
  process.env.WHATSAPP_GRAPH_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v23.0`;
  process.env.WHATSAPP_ACCESS_TOKEN = "test-access-token";
  reloadConfig();
  return {
    requests,
    close: async () => {
      restoreEnv("WHATSAPP_GRAPH_URL", saved.url);
      restoreEnv("WHATSAPP_ACCESS_TOKEN", saved.token);
      reloadConfig();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function restoreEnv(name: string, value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
