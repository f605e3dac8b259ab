import { randomInt } from "node:crypto";
import { io, type Socket } from "socket.io-client";
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { baseUrl, signIn, type Session } from "../support/http";
import { customerWritesIn, deliver, inboundTextBody, uniqueTag } from "./factories";

// A customer the business blocked can still write: their messages are kept, flagged and shown
// greyed, but they reopen nothing, alert nobody, count as unread nowhere and move nothing in the
// list. Once unblocked, their next message is handled as any other.

afterAll(() => disconnectDb());

/** The customer's next text, through the signed webhook; returns its wamid. */
async function customerSays({
  contact,
  text,
  phoneNumberId,
}: {
  contact: { waId: string | null; bsuid: string | null };
  text: string;
  phoneNumberId?: string;
}) {
  const body = inboundTextBody();
  const value = body.entry[0].changes[0].value;
  value.contacts[0] = { ...value.contacts[0], wa_id: contact.waId!, user_id: contact.bsuid! };
  value.messages[0].from = contact.waId!;
  value.messages[0].text.body = text;
  value.messages[0].timestamp = String(Math.floor(Date.now() / 1000));
  if (phoneNumberId) value.metadata.phone_number_id = phoneNumberId;
  const outcome = await deliver(body);
  expect(outcome.state).toBe("PROCESSED");
  return value.messages[0].id;
}

async function setBlocked(agent: Session, contactId: string, blocked: boolean) {
  const response = await agent.fetch(`/api/contacts/${contactId}/block`, {
    method: blocked ? "POST" : "DELETE",
    body: JSON.stringify({ reason: blocked ? "Abusive messages" : "Apologised" }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

/** An agent's live connection, in the inbox rooms and in one conversation's room, recording events. */
async function watch(agent: Session, conversationId: string) {
  const socket: Socket = io(baseUrl(), { path: "/socket.io", transports: ["websocket"], extraHeaders: { cookie: agent.cookie } });
  await new Promise<void>((resolve, reject) => socket.once("connect", () => resolve()).once("connect_error", reject));
  const joined = await new Promise<{ ok: boolean }>((resolve) => socket.emit("conversation.join", conversationId, resolve));
  expect(joined.ok).toBe(true);
  const events: { name: string; payload: { id?: string; conversationId?: string; receivedWhileBlocked?: boolean } }[] = [];
  socket.onAny((name, payload) => events.push({ name, payload }));
  return { events, close: () => socket.disconnect() };
}

describe("a blocked customer writes in", () => {
  it("is stored and flagged, shown to whoever has the thread open, and changes nothing else; unblocked, the next message reopens", async () => {
    const agent = await signIn("agent@example.com");
    const { conversation, contact } = await customerWritesIn({ text: "First, before the block" });
    const resolved = await agent.fetch(`/api/conversations/${conversation.id}`, {
      method: "PATCH",
      body: JSON.stringify({ status: "RESOLVED" }),
    });
    expect(resolved.status).toBe(200);
    await setBlocked(agent, contact.id, true);
    const before = await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } });
    expect(before.status).toBe("RESOLVED");
    const notificationsBefore = await db.notification.count({ where: { conversationId: conversation.id } });

    const live = await watch(agent, conversation.id);
    let wamid: string;
    try {
      wamid = await customerSays({ contact, text: "Let me back in" });
      // The thread's room hears of it (greyed); wait a moment for anything that should not come.
      await expect
        .poll(() => live.events.find((event) => event.name === "message.created" && event.payload.conversationId === conversation.id))
        .toBeTruthy();
      await new Promise((resolve) => setTimeout(resolve, 500));
    } finally {
      live.close();
    }
    const created = live.events.filter((event) => event.name === "message.created" && event.payload.conversationId === conversation.id);
    expect(created).toHaveLength(1);
    expect(created[0].payload.receivedWhileBlocked).toBe(true);
    expect(
      live.events.filter((event) => event.name !== "message.created" && event.name !== "presence.updated").map((event) => event.name),
    ).toEqual([]);

    const message = await db.message.findFirstOrThrow({ where: { externalId: wamid } });
    expect(message).toMatchObject({
      conversationId: conversation.id,
      receivedWhileBlocked: true,
      text: "Let me back in",
      direction: "INBOUND",
    });
    const after = await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } });
    expect(after).toMatchObject({
      status: "RESOLVED",
      unreadCount: before.unreadCount,
      waitingSince: before.waitingSince,
      lastMessageAt: before.lastMessageAt,
      lastMessagePreview: before.lastMessagePreview,
      assigneeId: before.assigneeId,
    });
    expect(await db.conversation.count({ where: { contactId: contact.id } })).toBe(1);
    expect(await db.notification.count({ where: { conversationId: conversation.id } })).toBe(notificationsBefore);

    // The thread shows it, marked.
    const thread = (await (await agent.fetch(`/api/conversations/${conversation.id}/messages`)).json()) as {
      items: { id: string; receivedWhileBlocked: boolean }[];
    };
    expect(thread.items.find((item) => item.id === message.id)?.receivedWhileBlocked).toBe(true);
    expect(thread.items.filter((item) => item.id !== message.id).every((item) => item.receivedWhileBlocked === false)).toBe(true);

    // Unblocked, the customer's next message is handled as any other: a fresh open conversation.
    await setBlocked(agent, contact.id, false);
    const next = await customerSays({ contact, text: "Thank you" });
    const normal = await db.message.findFirstOrThrow({ where: { externalId: next }, include: { conversation: true } });
    expect(normal.receivedWhileBlocked).toBe(false);
    expect(normal.conversation).toMatchObject({ status: "OPEN", unreadCount: 1, lastMessagePreview: "Thank you" });
    expect(normal.conversation.waitingSince).not.toBeNull();
    expect(normal.conversationId).not.toBe(conversation.id);
  });

  it("leaves an open conversation's unread count, waiting time and place in the list as they were", async () => {
    const agent = await signIn("agent@example.com");
    const { conversation, contact } = await customerWritesIn({ text: "Still open" });
    await setBlocked(agent, contact.id, true);
    const before = await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } });

    const wamid = await customerSays({ contact, text: "Hello?" });
    expect(await db.message.findFirstOrThrow({ where: { externalId: wamid } })).toMatchObject({
      conversationId: conversation.id,
      receivedWhileBlocked: true,
    });
    expect(await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).toEqual(before);

    await setBlocked(agent, contact.id, false);
    await customerSays({ contact, text: "Hello again" });
    const after = await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } });
    expect(after).toMatchObject({ status: "OPEN", unreadCount: before.unreadCount + 1, lastMessagePreview: "Hello again" });
    expect(after.lastMessageAt.getTime()).toBeGreaterThan(before.lastMessageAt.getTime() - 1000);
  });

  it("is not auto-assigned, nor notified, when it starts the customer's first conversation", async () => {
    // An inbox of its own with round-robin on and one agent online, so assignment would happen.
    const tag = uniqueTag();
    const phoneNumberId = `4${String(randomInt(0, 100_000_000_000_000)).padStart(14, "0")}`;
    const channel = await db.channel.create({
      data: {
        phoneNumberId,
        displayPhoneNumber: "15550100777",
        wabaId: "299999999999998",
        inbox: { create: { name: `Blocked ${tag}`, autoAssign: true } },
      },
      include: { inbox: true },
    });
    const agent = await db.user.create({
      data: {
        email: `blocked-${tag}@example.com`,
        name: `Agent ${tag}`,
        passwordHash: "not-used",
        role: "AGENT",
        lastSeenAt: new Date(),
        inboxes: { create: { inboxId: channel.inbox!.id } },
      },
    });
    const contact = await db.contact.create({
      data: { channelId: channel.id, waId: `49${String(randomInt(0, 1e9)).padStart(10, "0")}`, bsuid: `US.${tag}`, blockedAt: new Date() },
    });

    const wamid = await customerSays({ contact, text: "Anyone?", phoneNumberId });
    const blocked = await db.message.findFirstOrThrow({ where: { externalId: wamid }, include: { conversation: true } });
    expect(blocked.receivedWhileBlocked).toBe(true);
    expect(blocked.conversation).toMatchObject({ status: "RESOLVED", assigneeId: null, unreadCount: 0, waitingSince: null });
    expect(await db.notification.count({ where: { userId: agent.id } })).toBe(0);

    await db.contact.update({ where: { id: contact.id }, data: { blockedAt: null } });
    await db.user.update({ where: { id: agent.id }, data: { lastSeenAt: new Date() } });
    const next = await customerSays({ contact, text: "Anyone now?", phoneNumberId });
    const normal = await db.message.findFirstOrThrow({ where: { externalId: next }, include: { conversation: true } });
    expect(normal.conversation).toMatchObject({ status: "OPEN", assigneeId: agent.id, unreadCount: 1 });
    expect(await db.notification.count({ where: { userId: agent.id, kind: "assigned" } })).toBe(1);
  });
});
