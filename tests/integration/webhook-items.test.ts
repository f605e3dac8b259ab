import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { postWebhook, signIn, webhookProcessed } from "../support/http";
import { customerWritesIn, inboundTextBody, outboundMessage, statusBody, uniqueTag } from "./factories";

// Each message and receipt in a webhook body stands on its own: a malformed one is skipped and
// named in the webhook log, everything valid beside it is stored, and Meta gets its 200 (a
// redelivery could not fix the body). Replaying such a body from the log stores nothing twice.

afterAll(() => disconnectDb());

type Answer = { event: string; state: "PROCESSED" | "FAILED"; problems?: string };

/** Posts a body (answered 200 once stored) and reads how its processing ended from the log. */
async function post(body: unknown): Promise<Answer> {
  const response = await postWebhook(body, { settle: false });
  expect(response.status, await response.clone().text()).toBe(200);
  const { event, state } = (await response.json()) as { event: string; state: string };
  expect(state).toBe("RECEIVED");
  const processed = await webhookProcessed(event);
  return { event, state: processed.state, problems: processed.error ?? undefined };
}

/** A customer's body with three texts, the middle one malformed by `spoil`, and receipts for two replies. */
async function mixedBody({ spoil }: { spoil: (messages: Record<string, unknown>[]) => void }) {
  const { conversation, contact } = await customerWritesIn();
  const replies = await Promise.all(
    [1, 2].map(() => outboundMessage({ conversationId: conversation.id, channelId: conversation.contact.channelId })),
  );
  const at = Math.floor(Date.now() / 1000) - 30;
  const body = inboundTextBody();
  const value = body.entry[0].changes[0].value as Record<string, unknown> & (typeof body.entry)[0]["changes"][0]["value"];
  value.contacts[0] = { ...value.contacts[0], wa_id: contact.waId!, user_id: contact.bsuid! };
  const tag = uniqueTag();
  value.messages = [0, 1, 2].map((index) => ({
    from: contact.waId!,
    id: `wamid.mixed-${tag}-${index}`,
    timestamp: String(at + index),
    text: { body: `Message ${index}` },
    type: "text",
  }));
  spoil(value.messages as unknown as Record<string, unknown>[]);
  value.statuses = replies.map(
    (reply) => statusBody({ wamid: reply.externalId!, status: "delivered", at: at + 5 }).entry[0].changes[0].value.statuses[0],
  );
  const wamids = (value.messages as { id: string }[]).map((message) => message.id);
  return { body, conversation, replies, wamids };
}

describe("POST /api/webhooks/whatsapp — one malformed message among valid ones", () => {
  it("stores the valid messages and receipts, answers 200, and names the bad one in the log", async () => {
    const { body, conversation, replies, wamids } = await mixedBody({ spoil: (messages) => (messages[1].timestamp = "last tuesday") });

    const answer = await post(body);
    expect(answer.state).toBe("FAILED");
    expect(answer.problems).toContain("messages[1]: timestamp");

    const stored = await db.message.findMany({ where: { externalId: { in: wamids } }, orderBy: { timestamp: "asc" } });
    expect(stored.map((message) => message.externalId)).toEqual([wamids[0], wamids[2]]);
    expect(stored.every((message) => message.conversationId === conversation.id)).toBe(true);
    for (const reply of replies) {
      expect(await db.message.findUniqueOrThrow({ where: { id: reply.id } })).toMatchObject({ status: "DELIVERED" });
    }
    const after = await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } });
    expect(after.unreadCount).toBe(conversation.unreadCount + 2);

    const event = await db.webhookEvent.findUniqueOrThrow({ where: { id: answer.event } });
    expect(event.state).toBe("FAILED");
    expect(event.error).toMatch(/^messages\[1\]: timestamp: must be Unix seconds, as a string of digits \(entry\[0\]\.changes\[0\]\)$/);
    expect(event.payload).toEqual(body);

    // An admin replays it from the webhook log: the same problem, and nothing stored twice.
    const admin = await signIn("admin@example.com");
    const replay = await admin.fetch(`/api/webhook-events/${answer.event}/replay`, { method: "POST" });
    expect(replay.status, await replay.clone().text()).toBe(200);
    expect(await replay.json()).toMatchObject({ state: "FAILED", error: expect.stringContaining("messages[1]: timestamp") });
    expect(await db.message.count({ where: { externalId: { in: wamids } } })).toBe(2);
    expect(await db.messageStatusEvent.count({ where: { externalId: { in: replies.map((reply) => reply.externalId!) } } })).toBe(2);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).unreadCount).toBe(after.unreadCount);
  });

  it.each([
    ["an id that is a number", (messages: Record<string, unknown>[]) => (messages[1].id = 12345), "messages[1]: id:"],
    ["no type", (messages: Record<string, unknown>[]) => delete messages[1].type, "messages[1]: type:"],
    ["a message that is a string", (messages: unknown[]) => (messages[1] = "hello"), "messages[1]: Invalid input: expected object"],
  ])("does the same for %s", async (_label, spoil, named) => {
    const { body, replies, wamids } = await mixedBody({ spoil });
    const answer = await post(body);
    expect(answer).toMatchObject({ state: "FAILED", problems: expect.stringContaining(named) });
    expect(await db.message.count({ where: { externalId: { in: [wamids[0], wamids[2]] } } })).toBe(2);
    expect(await db.messageStatusEvent.count({ where: { externalId: { in: replies.map((reply) => reply.externalId!) } } })).toBe(2);
  });

  it("keeps the valid entries of a body when another entry or change has the wrong types", async () => {
    const good = inboundTextBody();
    const wamid = good.entry[0].changes[0].value.messages[0].id;
    const body = {
      object: "whatsapp_business_account",
      entry: [
        { id: 42, changes: [good.entry[0].changes[0]] },
        { id: "1", changes: { field: "messages" } },
        {
          id: "2",
          changes: [
            { field: "messages", value: { metadata: { phone_number_id: ["nope"] }, messages: [] } },
            null,
            good.entry[0].changes[0],
          ],
        },
      ],
    };
    const answer = await post(body);
    expect(answer.state).toBe("FAILED");
    expect(answer.problems).toContain("entry[0]: id:");
    expect(answer.problems).toContain("entry[1]: changes:");
    expect(answer.problems).toContain("entry[2].changes[0]: metadata: phone_number_id:");
    expect(answer.problems).toContain("entry[2].changes[1]:");
    expect(await db.message.count({ where: { externalId: wamid } })).toBe(1);
  });

  it("answers 200 FAILED, storing nothing, when every item is malformed", async () => {
    const body = inboundTextBody();
    const value = body.entry[0].changes[0].value as unknown as Record<string, unknown>;
    const wamid = body.entry[0].changes[0].value.messages[0].id;
    value.messages = [{ id: wamid, timestamp: null, type: "text" }];
    value.statuses = [{ id: `wamid.nothing-${uniqueTag()}`, status: "read" }];
    const answer = await post(body);
    expect(answer.state).toBe("FAILED");
    expect(answer.problems).toContain("messages[0]: timestamp:");
    expect(answer.problems).toContain("statuses[0]: timestamp:");
    expect(await db.message.count({ where: { externalId: wamid } })).toBe(0);
  });
});
