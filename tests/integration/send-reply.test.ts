import { afterAll, afterEach, describe, expect, it } from "vitest";
import { io, type Socket } from "socket.io-client";
import { db, disconnectDb } from "@/lib/db/client";
import type { ConversationDto, MessageDto } from "@/lib/conversations/types";
import { baseUrl, signIn, type Session } from "../support/http";
import { eventually, otherInboxConversation, simulatorCustomerSays, uniqueTag, uniqueWaId } from "./factories";

// An agent's reply through real HTTP, the send job and the built-in simulator (which plays Meta:
// it answers with a wamid and sends signed sent → delivered → read webhooks back), and the same
// story as an agent's browser sees it over socket.io.

afterAll(() => disconnectDb());

/** A customer writes in through the simulator's phone; returns the conversation as the agent's API shows it. */
async function customerOpensConversation(
  agent: Session,
  { waId = uniqueWaId(), text = `Hi, is the oak desk in stock? ${uniqueTag()}` } = {},
) {
  const name = `Customer ${uniqueTag()}`;
  await simulatorCustomerSays({ waId, name, text });
  const conversation = await eventually(
    async () => {
      const { items } = (await (await agent.fetch(`/api/conversations?q=${waId}`)).json()) as { items: ConversationDto[] };
      return items[0];
    },
    { what: `the conversation with ${waId}` },
  );
  return { conversation, waId, name, text };
}

async function reply(agent: Session, conversationId: string, text: string) {
  return agent.fetch(`/api/conversations/${conversationId}/messages`, { method: "POST", body: JSON.stringify({ text }) });
}

async function thread(agent: Session, conversationId: string): Promise<MessageDto[]> {
  const response = await agent.fetch(`/api/conversations/${conversationId}/messages`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: MessageDto[] }).items;
}

describe("POST /api/conversations/:id/messages — replying", () => {
  it("delivers the agent's reply to the customer's phone and shows it read", async () => {
    const agent = await signIn("agent@example.com");
    const { conversation, waId, name, text } = await customerOpensConversation(agent);
    expect(conversation).toMatchObject({ status: "OPEN", unreadCount: 1, lastMessagePreview: text, contact: { waId, name } });
    expect(conversation.windowExpiresAt).not.toBeNull();

    const answer = `Yes, it ships tomorrow. ${uniqueTag()}`;
    const response = await reply(agent, conversation.id, answer);
    expect(response.status).toBe(201);
    const queued = (await response.json()) as MessageDto;
    expect(queued).toMatchObject({ direction: "OUTBOUND", type: "text", text: answer, status: "QUEUED", conversationId: conversation.id });
    expect(queued.sender?.name).toBeTruthy();

    const read = await eventually(
      async () => {
        const message = (await thread(agent, conversation.id)).find((item) => item.id === queued.id);
        return message?.status === "READ" ? message : null;
      },
      { timeoutMs: 15_000, what: "the reply to be read" },
    );
    expect(read.externalId).toMatch(/^wamid\./);
    expect(read.sentAt).not.toBeNull();
    expect(read.deliveredAt).not.toBeNull();
    expect(read.readAt).not.toBeNull();
    expect(Date.parse(read.sentAt!)).toBeLessThanOrEqual(Date.parse(read.deliveredAt!));
    expect(Date.parse(read.deliveredAt!)).toBeLessThanOrEqual(Date.parse(read.readAt!));
    // Meta's pricing on the receipts is recorded (a reply inside the window is free customer service).
    expect(await db.message.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({
      pricingModel: "PMP",
      pricingType: "free_customer_service",
      pricingCategory: "service",
      billable: false,
    });

    // The customer's phone shows their message and the reply, read.
    const phone = await fetch(`${baseUrl()}/api/simulator/customers/${waId}/messages`);
    expect(phone.status).toBe(200);
    const { items } = (await phone.json()) as { items: { direction: string; text: string; status: string; id: string }[] };
    expect(items.map(({ direction, text: body }) => ({ direction, body }))).toEqual([
      { direction: "INBOUND", body: text },
      { direction: "OUTBOUND", body: answer },
    ]);
    expect(items[1]).toMatchObject({ id: read.externalId, status: "read" });

    // Replying clears the unread count and claims the conversation for the agent.
    const after = (await (await agent.fetch(`/api/conversations/${conversation.id}`)).json()) as ConversationDto;
    expect(after.unreadCount).toBe(0);
    expect(after.lastMessagePreview).toBe(answer);
    expect(after.assignee?.id).toBe(queued.sender?.id);
  });

  it("accepts exactly 4096 characters and refuses 4097 with 400, sending nothing", async () => {
    const agent = await signIn("agent@example.com");
    const { conversation } = await customerOpensConversation(agent);

    const tooLong = await reply(agent, conversation.id, "a".repeat(4097));
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toMatchObject({ error: { code: "INVALID_INPUT", message: expect.stringContaining("4096") } });
    expect(await db.message.count({ where: { conversationId: conversation.id, direction: "OUTBOUND" } })).toBe(0);

    const longest = await reply(agent, conversation.id, "b".repeat(4096));
    expect(longest.status).toBe(201);
  });

  it.each([
    ["an empty text", { text: "   " }],
    ["no text at all", {}],
    ["a text that is not a string", { text: 42 }],
  ])("refuses %s with 400", async (_label, body) => {
    const agent = await signIn("agent@example.com");
    const { conversation } = await customerOpensConversation(agent);
    const response = await agent.fetch(`/api/conversations/${conversation.id}/messages`, { method: "POST", body: JSON.stringify(body) });
    expect(response.status).toBe(400);
    expect(await db.message.count({ where: { conversationId: conversation.id, direction: "OUTBOUND" } })).toBe(0);
  });

  it("refuses free-form text when the customer last wrote 25 h ago: 422 WINDOW_CLOSED, nothing sent", async () => {
    const agent = await signIn("agent@example.com");
    const { conversation, waId } = await customerOpensConversation(agent);
    await db.conversation.update({ where: { id: conversation.id }, data: { lastInboundAt: new Date(Date.now() - 25 * 60 * 60 * 1000) } });

    const response = await reply(agent, conversation.id, "Are you still there?");
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: { code: "WINDOW_CLOSED", message: expect.stringContaining("template") } });
    expect(await db.message.count({ where: { conversationId: conversation.id, direction: "OUTBOUND" } })).toBe(0);
    const phone = (await (await fetch(`${baseUrl()}/api/simulator/customers/${waId}/messages`)).json()) as {
      items: { direction: string }[];
    };
    expect(phone.items.filter((item) => item.direction === "OUTBOUND")).toEqual([]);
  });

  it("refuses a signed-out caller with 401", async () => {
    const agent = await signIn("agent@example.com");
    const { conversation } = await customerOpensConversation(agent);
    const response = await fetch(`${baseUrl()}/api/conversations/${conversation.id}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "hello" }),
    });
    expect(response.status).toBe(401);
    expect(await db.message.count({ where: { conversationId: conversation.id, direction: "OUTBOUND" } })).toBe(0);
  });
});

describe("socket.io — what an agent's browser is pushed", () => {
  const sockets: Socket[] = [];
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });

  function connect(cookie?: string): Socket {
    const socket = io(baseUrl(), {
      path: "/socket.io",
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
      ...(cookie ? { extraHeaders: { cookie } } : {}),
    });
    sockets.push(socket);
    return socket;
  }

  function opened(socket: Socket): Promise<void> {
    return new Promise((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
  }

  /** Records every event a socket receives, in arrival order. */
  function record(socket: Socket) {
    const events: { event: string; payload: { id: string; status?: string; contact?: { waId: string | null } } }[] = [];
    socket.onAny((event: string, payload) => events.push({ event, payload }));
    return events;
  }

  it("refuses a socket without a session cookie", async () => {
    const error = await opened(connect()).then(
      () => null,
      (reason: Error) => reason,
    );
    expect(error?.message).toBe("UNAUTHORIZED");
  });

  it("refuses a socket with a forged session cookie", async () => {
    const error = await opened(connect("next-auth.session-token=not-a-real-token")).then(
      () => null,
      (reason: Error) => reason,
    );
    expect(error?.message).toBe("UNAUTHORIZED");
  });

  it("pushes a new conversation to the inbox, then the reply and its ticks to those in the conversation", async () => {
    const agent = await signIn("agent@example.com");
    const colleague = await signIn("agent2@example.com");
    const socket = connect(agent.cookie);
    const bystander = connect(colleague.cookie); // in the inbox, but never opens this conversation
    await Promise.all([opened(socket), opened(bystander)]);
    const events = record(socket);
    const bystanderEvents = record(bystander);

    const waId = uniqueWaId();
    const { conversation } = await customerOpensConversation(agent, { waId });
    const announced = await eventually(
      async () => events.find((e) => e.event.startsWith("conversation.") && e.payload.contact?.waId === waId),
      { timeoutMs: 10_000, what: "conversation.created for the new customer" },
    );
    expect(announced.event).toBe("conversation.created");
    expect(announced.payload).toMatchObject({ id: conversation.id, unreadCount: 1, status: "OPEN" });
    // The whole inbox hears about it, colleagues included.
    await eventually(async () => bystanderEvents.some((e) => e.event === "conversation.created" && e.payload.id === conversation.id), {
      timeoutMs: 10_000,
      what: "the colleague's conversation.created",
    });

    expect(await socket.timeout(10_000).emitWithAck("conversation.join", conversation.id)).toEqual({ ok: true });
    expect(await socket.timeout(10_000).emitWithAck("conversation.join", `missing-${uniqueTag()}`)).toEqual({ ok: false });

    const response = await reply(agent, conversation.id, `On its way! ${uniqueTag()}`);
    expect(response.status).toBe(201);
    const sent = (await response.json()) as MessageDto;

    await eventually(
      async () => events.some((e) => e.event === "message.updated" && e.payload.id === sent.id && e.payload.status === "READ"),
      { timeoutMs: 15_000, what: "message.updated with status READ" },
    );
    const aboutReply = events.filter((e) => e.event.startsWith("message.") && e.payload.id === sent.id);
    expect(aboutReply[0]).toMatchObject({ event: "message.created", payload: { status: "QUEUED" } });
    expect(aboutReply.slice(1).every((e) => e.event === "message.updated")).toBe(true);
    // The ticks only ever move forward, ending read.
    const rank = ["QUEUED", "SENT", "DELIVERED", "READ"];
    const statuses = aboutReply.map((e) => rank.indexOf(e.payload.status!));
    expect(statuses.every((value) => value >= 0)).toBe(true);
    expect(statuses).toEqual([...statuses].sort((a, b) => a - b));
    expect(aboutReply.at(-1)?.payload.status).toBe("READ");

    // The inbox list updates too, but message events stay in the conversation's room.
    expect(events.some((e) => e.event === "conversation.updated" && e.payload.id === conversation.id)).toBe(true);
    expect(bystanderEvents.filter((e) => e.event.startsWith("message."))).toEqual([]);
  });

  it("tells an agent nothing about another inbox, and will not let them join its conversations", async () => {
    const agent = await signIn("agent@example.com");
    const socket = connect(agent.cookie);
    await opened(socket);
    const events = record(socket);

    const other = await otherInboxConversation();
    expect(await socket.timeout(10_000).emitWithAck("conversation.join", other.conversation.id)).toEqual({ ok: false });
    // Events reach a socket in the order they were published: once the agent's own inbox's news
    // has arrived, the other inbox's (published earlier) would have too.
    const waId = uniqueWaId();
    await customerOpensConversation(agent, { waId });
    await eventually(async () => events.some((e) => e.event === "conversation.created" && e.payload.contact?.waId === waId), {
      timeoutMs: 10_000,
      what: "the agent's own conversation.created",
    });
    expect(events.filter((e) => e.payload.id === other.conversation.id || e.payload.contact?.waId === other.contact.waId)).toEqual([]);
  });
});
