import { io, type Socket } from "socket.io-client";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { baseUrl, signIn } from "../support/http";
import { ADMIN, demoInboxId, invitedUser } from "./accounts-support";
import { deliver, eventually, inboundTextBody, otherInboxConversation, uniqueTag, type InboundBody } from "./factories";

// An admin's change to someone's access takes effect on that person's very next request and on
// the socket their browser has open, within seconds: demotion, deactivation, leaving an inbox.

afterAll(() => disconnectDb());

type Received = { event: string; payload: { id?: string; inboxId?: string; conversationId?: string } };

const sockets: Socket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
});

/**
 * A socket as the inbox page opens it: when the server closes it because access changed, it
 * connects again at once (components/inbox/use-realtime.ts does the same) and is scoped afresh.
 */
function browserSocket(cookie: string) {
  const socket = io(baseUrl(), {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    extraHeaders: { cookie },
  });
  sockets.push(socket);
  const events: Received[] = [];
  const log = { disconnects: [] as string[], refusals: [] as string[], connects: 0 };
  socket.onAny((event: string, payload: Received["payload"]) => events.push({ event, payload }));
  socket.on("connect", () => log.connects++);
  socket.on("connect_error", (error) => log.refusals.push(error.message));
  socket.on("disconnect", (reason) => {
    log.disconnects.push(reason);
    if (reason === "io server disconnect") socket.connect();
  });
  const connected = new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return { socket, events, log, connected };
}

const join = (socket: Socket, conversationId: string) =>
  new Promise<{ ok: boolean }>((resolve) => socket.emit("conversation.join", conversationId, resolve));

describe("access revoked through the admin API", () => {
  it("demoting a manager to agent: the next manager-only request answers 403, the socket is re-scoped", async () => {
    const admin = await signIn(ADMIN);
    const manager = await invitedUser({ admin, role: "MANAGER", inboxIds: [await demoInboxId()] });
    const browser = browserSocket(manager.session.cookie);
    await browser.connected;
    // Allowed to create labels: an empty body fails validation, which comes after the permission check.
    expect((await manager.session.fetch("/api/labels", { method: "POST", body: "{}" })).status).toBe(400);

    const demoted = await admin.fetch(`/api/users/${manager.id}`, { method: "PATCH", body: JSON.stringify({ role: "AGENT" }) });
    expect(demoted.status).toBe(200);
    const refused = await manager.session.fetch("/api/labels", { method: "POST", body: "{}" });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("FORBIDDEN");
    // Still an agent: the inbox keeps working.
    expect((await manager.session.fetch("/api/conversations")).status).toBe(200);

    await eventually(async () => browser.log.disconnects.includes("io server disconnect"), {
      timeoutMs: 5_000,
      what: "the server closing the socket",
    });
    await eventually(async () => browser.log.connects === 2 && browser.socket.connected, {
      timeoutMs: 5_000,
      what: "the socket reconnecting as an agent",
    });
  });

  it("deactivating an agent: the next request answers 401, the socket is closed and may not reconnect", async () => {
    const admin = await signIn(ADMIN);
    const agent = await invitedUser({ admin, inboxIds: [await demoInboxId()] });
    const browser = browserSocket(agent.session.cookie);
    await browser.connected;
    expect((await agent.session.fetch("/api/conversations")).status).toBe(200);

    const deactivated = await admin.fetch(`/api/users/${agent.id}/deactivate`, { method: "POST", body: "{}" });
    expect(deactivated.status).toBe(200);
    expect(await deactivated.json()).toMatchObject({ id: agent.id, active: false });

    expect((await agent.session.fetch("/api/conversations")).status).toBe(401);
    await eventually(async () => browser.log.disconnects.includes("io server disconnect"), {
      timeoutMs: 5_000,
      what: "the server closing the socket",
    });
    await eventually(async () => browser.log.refusals.includes("UNAUTHORIZED"), {
      timeoutMs: 5_000,
      what: "the reconnection being refused",
    });
    expect(browser.socket.connected).toBe(false);
    await expect(signIn(agent.email, agent.password)).rejects.toThrow(/failed/);

    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: agent.id, action: "user.deactivated" } });
    expect(event).toMatchObject({ before: { active: true }, after: { active: false } });
  });

  it("removing an agent from an inbox: its conversations answer 404 and its events stop reaching the socket", async () => {
    const admin = await signIn(ADMIN);
    const demo = await demoInboxId();
    const other = await otherInboxConversation();
    const agent = await invitedUser({ admin, inboxIds: [demo, other.inbox.id] });
    const browser = browserSocket(agent.session.cookie);
    await browser.connected;
    expect((await agent.session.fetch(`/api/conversations/${other.conversation.id}`)).status).toBe(200);
    expect((await join(browser.socket, other.conversation.id)).ok).toBe(true);

    // Before: a new customer of the other inbox reaches the socket.
    const before = await customerOf(other.channel.phoneNumberId);
    await eventually(async () => browser.events.find((e) => e.event === "conversation.created" && e.payload.id === before), {
      what: "the other inbox's event",
    });

    const removed = await admin.fetch(`/api/users/${agent.id}`, { method: "PATCH", body: JSON.stringify({ inboxIds: [demo] }) });
    expect(removed.status).toBe(200);
    expect((await agent.session.fetch(`/api/conversations/${other.conversation.id}`)).status).toBe(404);
    await eventually(async () => browser.log.connects === 2 && browser.socket.connected, {
      timeoutMs: 5_000,
      what: "the socket reconnecting, scoped afresh",
    });
    expect((await join(browser.socket, other.conversation.id)).ok).toBe(false);

    // After: the other inbox's new customer and the open conversation's new message go nowhere near
    // the socket, while the inbox it kept still reaches it (delivered after, so it arrives after).
    const seen = browser.events.length;
    const after = await customerOf(other.channel.phoneNumberId);
    const followUp = structuredClone(other.body) as InboundBody;
    followUp.entry[0].changes[0].value.messages[0].id = `wamid.revoked-${uniqueTag()}`;
    followUp.entry[0].changes[0].value.messages[0].text.body = "Anyone there?";
    await deliver(followUp);
    const kept = await customerOf(null);
    await eventually(async () => browser.events.find((e) => e.event === "conversation.created" && e.payload.id === kept), {
      what: "the kept inbox's event",
    });

    const leaked = browser.events
      .slice(seen)
      .filter((e) => e.payload.id === after || e.payload.conversationId === other.conversation.id || e.payload.inboxId === other.inbox.id);
    expect(leaked).toEqual([]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: agent.id, action: "user.inboxes_changed" } });
    expect((event.after as { inboxes: { id: string }[] }).inboxes.map((inbox) => inbox.id)).toEqual([demo]);
  });
});

/** A new customer writes to the inbox with this phone number id (null: the demo inbox); returns their conversation's id. */
async function customerOf(phoneNumberId: string | null): Promise<string> {
  const body = inboundTextBody();
  if (phoneNumberId) body.entry[0].changes[0].value.metadata.phone_number_id = phoneNumberId;
  body.entry[0].changes[0].value.messages[0].timestamp = String(Math.floor(Date.now() / 1000));
  await deliver(body);
  const message = await db.message.findFirstOrThrow({ where: { externalId: body.entry[0].changes[0].value.messages[0].id } });
  return message.conversationId;
}
