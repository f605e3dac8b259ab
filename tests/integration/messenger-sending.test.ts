import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { HUMAN_AGENT_REFUSED, OUTSIDE_WINDOW } from "@/lib/messenger/error-messages";
import { baseUrl, signIn, type Session } from "../support/http";
import { eventually, uniqueTag } from "./factories";
import {
  customerWritesOnMessenger,
  customerWroteHoursAgo,
  deliverPage,
  events,
  newPsid,
  pageChannel,
  pageFixture,
  pageSent,
  threadOf,
} from "./messenger-support";
import { png, reaches, send, sent, upload } from "./sending";

// Replies on Messenger, end to end against the simulated Meta: the Send API's messaging types and
// Messenger's windows (24 h; 7 days with the HUMAN_AGENT tag only where the admin allowed it), the
// echo of our own send kept as a receipt and never a second message, watermark receipts applied
// in any order and never backwards, and a replayed body changing nothing.

let agent: Session;
let admin: Session;
let channelId: string;

beforeAll(async () => {
  agent = await signIn("agent@example.com");
  admin = await signIn("admin@example.com");
  channelId = (await pageChannel()).id;
});
afterAll(async () => {
  await markPage(false);
  await simulatedPermission(false);
  await disconnectDb();
});

async function markPage(humanAgent: boolean) {
  const response = await admin.fetch(`/api/channels/${channelId}`, { method: "PATCH", body: JSON.stringify({ humanAgent }) });
  expect(response.status, await response.clone().text()).toBe(200);
}

async function simulatedPermission(humanAgent: boolean) {
  const response = await fetch(`${baseUrl()}/api/simulator/messenger?page=${inject("pageId")}`, {
    method: "PATCH",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ humanAgent }),
  });
  expect(response.status).toBe(200);
}

const simulated = (mid: string | null) => db.simulatorMessage.findUniqueOrThrow({ where: { wamid: mid! } });

describe("replies inside Messenger's 24 h window", () => {
  it("go out as RESPONSE through the Send API; the echo is a receipt, not a second message; the customer reads it", async () => {
    const { conversation, psid } = await customerWritesOnMessenger();
    const text = `We have it in oak ${uniqueTag()}`;
    const message = await sent(agent, conversation.id, { text });
    const read = await reaches(message.id, "READ");
    expect(read.externalId).toMatch(/^m_/);
    expect(read.sentAt).not.toBeNull();
    expect(read.deliveredAt).not.toBeNull();
    expect(read.readAt!.getTime()).toBeGreaterThanOrEqual(read.deliveredAt!.getTime());
    expect(read).toMatchObject({ pricingType: "messenger", billable: false });
    expect(await simulated(read.externalId)).toMatchObject({
      customerWaId: psid,
      payload: { text, messaging_type: "RESPONSE", tag: null },
    });
    // The echo (with our metadata) has arrived by now: still one message with this text.
    const echoes = await db.messageStatusEvent.count({ where: { externalId: read.externalId!, status: "sent" } });
    expect(echoes).toBe(1);
    expect(await db.message.count({ where: { conversationId: conversation.id, text } })).toBe(1);
  });

  it("offers quick replies, and the customer's tap comes back with its payload", async () => {
    const { conversation, psid, name } = await customerWritesOnMessenger();
    const message = await sent(agent, conversation.id, {
      quickReplies: { text: "Which colour?", replies: [{ title: "Oak" }, { title: "Walnut", payload: "WALNUT" }] },
    });
    const delivered = await reaches(message.id, "READ");
    expect(await simulated(delivered.externalId)).toMatchObject({
      payload: {
        quick_replies: [
          { title: "Oak", payload: "Oak" },
          { title: "Walnut", payload: "WALNUT" },
        ],
      },
    });
    const tap = await fetch(`${baseUrl()}/api/simulator/messenger/${psid}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name, kind: "quick_reply", text: "Walnut", payload: "WALNUT" }),
    });
    expect(tap.status).toBe(201);
    // Acknowledged means stored; the tap is in the thread moments later.
    const tapped = await eventually(async () => (await threadOf(agent, conversation.id)).find((m) => m.text === "Walnut"), {
      what: "the tap",
    });
    expect(tapped).toMatchObject({ direction: "INBOUND", text: "Walnut", content: { quickReply: { payload: "WALNUT" } } });
  });

  it("sends a file through the Attachment Upload API, and refuses a caption Messenger would not show", async () => {
    const { conversation } = await customerWritesOnMessenger();
    const uploaded = await upload(agent, conversation.id, { bytes: png, type: "image/png", name: "swatch.png" });
    expect(uploaded.status, await uploaded.clone().text()).toBe(201);
    const { id } = (await uploaded.json()) as { id: string };
    const captioned = await send(agent, conversation.id, { media: { mediaId: id, caption: "Our oak" } });
    expect(captioned.status).toBe(400);
    const message = await sent(agent, conversation.id, { media: { mediaId: id } });
    const done = await reaches(message.id, "READ");
    expect(done.type).toBe("image");
    expect(await simulated(done.externalId)).toMatchObject({ payload: { attachment: { type: "image", mimeType: "image/png" } } });
  });

  it("refuses what only WhatsApp sends, and quoting", async () => {
    const { conversation, inbound } = await customerWritesOnMessenger();
    const template = await send(agent, conversation.id, { template: { name: "order_update", language: "en_US" } });
    expect(template.status).toBe(422);
    const quoted = await send(agent, conversation.id, { text: "Yes", replyTo: inbound.id });
    expect(quoted.status).toBe(422);
  });

  it("marks the customer's message seen when an agent opens the conversation", async () => {
    const { conversation, mid } = await customerWritesOnMessenger();
    const opened = await agent.fetch(`/api/conversations/${conversation.id}`, {
      method: "PATCH",
      body: JSON.stringify({ markRead: true }),
    });
    expect(opened.status).toBe(200);
    await eventually(async () => (await simulated(mid)).status === "read", { what: "mark_seen at the simulated Meta" });
  });

  it("names the customer from the User Profile API, and falls back when the Page may not read it", async () => {
    const { contact } = await customerWritesOnMessenger({ name: "Ingrid Holm" });
    const named = await eventually(
      async () => {
        const row = await db.contact.findUniqueOrThrow({ where: { id: contact.id } });
        return row.name && row.avatarMediaId ? row : null;
      },
      { what: "the profile" },
    );
    expect(named.name).toBe("Ingrid Holm");
    const picture = await agent.fetch(`/api/media/${named.avatarMediaId}`);
    expect(picture.headers.get("content-type")).toBe("image/png");

    const { conversation } = await customerWritesOnMessenger({ psid: newPsid("998") });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const dto = await (await agent.fetch(`/api/conversations/${conversation.id}`)).json();
    expect(dto.contact.displayName).toMatch(/^Messenger user …\d{4}$/);
  });
});

describe("the dashboards", () => {
  it("count Messenger replies with their watermark times, and break messages down by channel type", async () => {
    const manager = await signIn("manager@example.com");
    const { conversation } = await customerWritesOnMessenger();
    const message = await sent(agent, conversation.id, { text: `Counted ${uniqueTag()}` });
    await reaches(message.id, "READ");
    const range = `from=${new Date(Date.now() - 3_600_000).toISOString()}&to=${new Date(Date.now() + 3_600_000).toISOString()}`;
    const stats = await eventually(
      async () => {
        const body = await (await manager.fetch(`/api/stats/messages?${range}&groupBy=channelType&channelType=messenger`)).json();
        return body.totals?.read >= 1 ? body : null;
      },
      { what: "the Messenger reply in the statistics" },
    );
    expect(stats.groups).toEqual([expect.objectContaining({ key: "messenger", label: "Messenger", read: expect.any(Number) })]);
    expect(stats.timeToRead.p50).not.toBeNull();
    const all = await (await manager.fetch(`/api/stats/messages?${range}&groupBy=channelType`)).json();
    expect(all.groups.map((group: { key: string }) => group.key).sort()).toContain("messenger");
  });
});

describe("Messenger's windows: 24 h, then 7 days with the HUMAN_AGENT tag where allowed", () => {
  it("refuses a reply after 24 h while the Page is not marked, with or without the tag", async () => {
    await markPage(false);
    const { conversation, psid } = await customerWritesOnMessenger();
    await customerWroteHoursAgo({ conversationId: conversation.id, psid, hours: 30 });
    for (const body of [{ text: "Hi" }, { text: "Hi", tag: "HUMAN_AGENT" }]) {
      const response = await send(agent, conversation.id, body);
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({ error: { code: "WINDOW_CLOSED", message: expect.stringMatching(/isn't marked/) } });
    }
    const dto = await (await agent.fetch(`/api/conversations/${conversation.id}`)).json();
    expect(dto.messengerWindow.state).toBe("human_agent");
  });

  it("with the Page marked, takes a HUMAN_AGENT reply the agent confirmed; Meta's refusal without the permission becomes a sentence", async () => {
    await markPage(true);
    await simulatedPermission(false);
    const { conversation, psid } = await customerWritesOnMessenger();
    await customerWroteHoursAgo({ conversationId: conversation.id, psid, hours: 30 });
    const unconfirmed = await send(agent, conversation.id, { text: "Following up" });
    expect(unconfirmed.status).toBe(422);
    expect(await unconfirmed.json()).toMatchObject({ error: { code: "WINDOW_CLOSED", details: [{ path: "tag" }] } });

    const refused = await sent(agent, conversation.id, { text: "Following up", tag: "HUMAN_AGENT" });
    const failed = await reaches(refused.id, "FAILED");
    expect(failed).toMatchObject({ errorCode: 200, errorTitle: HUMAN_AGENT_REFUSED });

    await simulatedPermission(true);
    const retried = await agent.fetch(`/api/conversations/${conversation.id}/messages/${refused.id}/retry`, { method: "POST" });
    expect(retried.status, await retried.clone().text()).toBe(200);
    const delivered = await reaches(refused.id, "READ");
    expect(await simulated(delivered.externalId)).toMatchObject({ payload: { messaging_type: "MESSAGE_TAG", tag: "HUMAN_AGENT" } });
  });

  it("refuses any reply 7 days after the customer wrote, even tagged", async () => {
    await markPage(true);
    const { conversation, psid } = await customerWritesOnMessenger();
    await customerWroteHoursAgo({ conversationId: conversation.id, psid, hours: 8 * 24 });
    const response = await send(agent, conversation.id, { text: "Hello again", tag: "HUMAN_AGENT" });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: { code: "WINDOW_CLOSED", message: expect.stringMatching(/7 days/) } });
  });

  it("turns Meta's outside-the-window error into a sentence when Meta judges the window closed", async () => {
    const { conversation, psid } = await customerWritesOnMessenger();
    // Switchboard still sees the window open; the simulated Meta saw the customer's last message 30 h ago.
    await db.simulatorMessage.updateMany({
      where: { customerWaId: psid, direction: "INBOUND" },
      data: { createdAt: new Date(Date.now() - 30 * 3_600_000) },
    });
    const message = await sent(agent, conversation.id, { text: "Still there?" });
    expect(await reaches(message.id, "FAILED")).toMatchObject({ errorCode: 10, errorTitle: OUTSIDE_WINDOW });
  });
});

describe("watermark receipts", () => {
  it("apply to every message at or before the watermark, in any order, never backwards", async () => {
    const psid = newPsid();
    const body = pageFixture("message-text-quick-reply.json", { psid });
    events(body)[0]!.timestamp = Date.now() - 120_000;
    await deliverPage(body);
    const conversation = await eventually(() => db.conversation.findFirst({ where: { contact: { psid } } }));
    const [a, b, c] = await Promise.all(
      [90, 60, 30].map((secondsAgo) => pageSent({ conversationId: conversation.id, channelId, secondsAgo })),
    );
    const watermark = async (kind: "read" | "delivery", secondsAgo: number) => {
      const receipt = pageFixture(kind === "read" ? "read.json" : "delivery.json", { psid });
      const event = events(receipt)[0]!;
      const at = Date.now() - secondsAgo * 1000;
      if (kind === "read") event.read = { watermark: at };
      else event.delivery = { watermark: at };
      await deliverPage(receipt);
      return at;
    };
    const state = async () =>
      (await db.message.findMany({ where: { id: { in: [a!.id, b!.id, c!.id] } }, orderBy: { createdAt: "asc" } })).map((m) => ({
        status: m.status,
        deliveredAt: m.deliveredAt?.getTime() ?? null,
        readAt: m.readAt?.getTime() ?? null,
      }));

    const read50 = await watermark("read", 50); // covers a and b
    expect((await state()).map((m) => m.status)).toEqual(["READ", "READ", "SENT"]);
    const delivered80 = await watermark("delivery", 80); // older: only a, and only its delivery time
    const delivered20 = await watermark("delivery", 20); // covers c, and b's missing delivery time
    const before = await state();
    expect(before).toEqual([
      { status: "READ", deliveredAt: delivered80, readAt: read50 },
      { status: "READ", deliveredAt: delivered20, readAt: read50 },
      { status: "DELIVERED", deliveredAt: delivered20, readAt: null },
    ]);
    await watermark("read", 100); // older than everything: nothing moves
    await watermark("delivery", 100);
    expect(await state()).toEqual(before);
  });
});

describe("replaying a logged Page body", () => {
  it("changes nothing", async () => {
    const psid = newPsid();
    const body = pageFixture("message-text-quick-reply.json", { psid });
    events(body)[0]!.timestamp = Date.now() - 60_000;
    const mid = (events(body)[0]!.message as { mid: string }).mid;
    const reaction = pageFixture("reaction-react.json", { psid, replace: { "<MID_OF_ReactedTo_Message>": mid } });
    body.entry[0]!.messaging!.push({ ...events(reaction)[0]!, timestamp: Date.now() - 30_000 });
    const { event } = await deliverPage(body);
    const snapshot = async () =>
      (await db.message.findMany({ where: { conversation: { contact: { psid } } }, orderBy: { createdAt: "asc" } })).map((m) => ({
        id: m.id,
        status: m.status,
        reactions: m.reactions,
      }));
    const before = await snapshot();
    expect(before).toHaveLength(1);
    const replayed = await admin.fetch(`/api/webhook-events/${event}/replay`, { method: "POST" });
    expect(replayed.status, await replayed.clone().text()).toBe(200);
    expect(await snapshot()).toEqual(before);
    const logged = await db.webhookEvent.findUniqueOrThrow({ where: { id: event } });
    expect(logged).toMatchObject({ source: "MESSENGER", channelId, state: "PROCESSED" });
  });
});
