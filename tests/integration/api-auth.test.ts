import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { baseUrl, signIn } from "../support/http";
import { customerWritesIn, otherInboxConversation } from "./factories";

// Who may call the JSON API: signed-out callers get 401, roles without the permission 403, and
// everything answers in the one JSON error shape.

afterAll(() => disconnectDb());

const anonymous = (path: string, init?: RequestInit) => fetch(`${baseUrl()}${path}`, init);

describe("JSON API — sessions and roles", () => {
  it("GET /api/health reports the database up", async () => {
    const response = await anonymous("/api/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, db: "up", status: expect.stringMatching(/^(ok|degraded)$/) });
  });

  it("refuses the inbox to a signed-out caller with a 401 JSON error", async () => {
    const response = await anonymous("/api/conversations");
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toMatchObject({ error: { code: "UNAUTHORIZED", message: expect.any(String) } });
  });

  it("refuses a forged session cookie with 401", async () => {
    const agent = await signIn("agent@example.com");
    const forged = agent.cookie.replace(
      /(next-auth\.session-token=)([^;]+)/,
      (_m, name: string, value: string) => `${name}${value.slice(0, -6)}AAAAAA`,
    );
    expect(forged).not.toBe(agent.cookie);
    const response = await anonymous("/api/conversations", { headers: { cookie: forged } });
    expect(response.status).toBe(401);
  });

  it("shows a signed-in agent the inbox's conversations", async () => {
    const { conversation, contact } = await customerWritesIn();
    const agent = await signIn("agent@example.com");
    const response = await agent.fetch("/api/conversations");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: { id: string }[]; nextCursor: string | null };
    expect(body.items.length).toBeGreaterThan(0);

    const search = await agent.fetch(`/api/conversations?q=${contact.waId}`);
    expect(search.status).toBe(200);
    expect(await search.json()).toMatchObject({ items: [{ id: conversation.id, contact: { waId: contact.waId, name: "Test Name" } }] });
  });

  it("signs in whatever the case of the email address", async () => {
    const agent = await signIn("  Agent@Example.COM ");
    expect((await agent.fetch("/api/conversations")).status).toBe(200);
  });

  it("refuses a wrong password: no session is issued", async () => {
    await expect(signIn("agent@example.com", "not-the-password")).rejects.toThrow(/Sign-in as agent@example.com failed/);
    await expect(signIn("nobody@example.com")).rejects.toThrow(/failed/);
  });

  it.each([
    ["agent@example.com", 403],
    ["agent2@example.com", 403],
    ["manager@example.com", 403],
    ["admin@example.com", 200],
  ])("the webhook log is for admins: %s gets %i", async (email, status) => {
    const { eventId } = await customerWritesIn();
    const user = await signIn(email);
    const response = await user.fetch("/api/webhook-events?limit=200");
    expect(response.status).toBe(status);
    const body = await response.json();
    if (status === 200) {
      expect(body.items.map((item: { id: string }) => item.id)).toContain(eventId);
    } else {
      expect(body).toMatchObject({ error: { code: "FORBIDDEN" } });
    }
  });

  it("refuses replaying a logged webhook to a non-admin", async () => {
    const { eventId } = await customerWritesIn();
    const manager = await signIn("manager@example.com");
    expect((await manager.fetch(`/api/webhook-events/${eventId}/replay`, { method: "POST" })).status).toBe(403);
    expect((await anonymous(`/api/webhook-events/${eventId}/replay`, { method: "POST" })).status).toBe(401);
    const admin = await signIn("admin@example.com");
    const replayed = await admin.fetch(`/api/webhook-events/${eventId}/replay`, { method: "POST" });
    expect(replayed.status).toBe(200);
    expect(await replayed.json()).toMatchObject({ eventId, state: "PROCESSED" });
  });
});

describe("PATCH /api/conversations/:id", () => {
  it("resolves a conversation, and the inbox shows it resolved", async () => {
    const { conversation } = await customerWritesIn();
    const agent = await signIn("agent@example.com");

    const response = await agent.fetch(`/api/conversations/${conversation.id}`, {
      method: "PATCH",
      body: JSON.stringify({ status: "RESOLVED" }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: conversation.id, status: "RESOLVED" });
    expect((await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).status).toBe("RESOLVED");

    const reread = await agent.fetch(`/api/conversations/${conversation.id}`);
    expect(await reread.json()).toMatchObject({ status: "RESOLVED" });
    const resolved = await agent.fetch("/api/conversations?status=RESOLVED&limit=100");
    expect(((await resolved.json()) as { items: { id: string }[] }).items.map((item) => item.id)).toContain(conversation.id);
  });

  it("assigns a conversation to a colleague, and refuses someone outside the inbox with 422", async () => {
    const { conversation } = await customerWritesIn();
    const agent = await signIn("agent@example.com");
    const colleague = await db.user.findUniqueOrThrow({ where: { email: "agent2@example.com" } });

    const assigned = await agent.fetch(`/api/conversations/${conversation.id}`, {
      method: "PATCH",
      body: JSON.stringify({ assigneeId: colleague.id }),
    });
    expect(assigned.status).toBe(200);
    expect(await assigned.json()).toMatchObject({ assignee: { id: colleague.id, name: colleague.name } });

    const outsider = await agent.fetch(`/api/conversations/${conversation.id}`, {
      method: "PATCH",
      body: JSON.stringify({ assigneeId: `nobody-${randomUUID()}` }),
    });
    expect(outsider.status).toBe(422);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).assigneeId).toBe(colleague.id);

    const unassigned = await agent.fetch(`/api/conversations/${conversation.id}`, {
      method: "PATCH",
      body: JSON.stringify({ assigneeId: null }),
    });
    expect(await unassigned.json()).toMatchObject({ assignee: null });
  });

  it("marks a conversation read", async () => {
    const { conversation } = await customerWritesIn();
    expect(conversation.unreadCount).toBe(1);
    const agent = await signIn("agent@example.com");
    const response = await agent.fetch(`/api/conversations/${conversation.id}`, {
      method: "PATCH",
      body: JSON.stringify({ markRead: true }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ unreadCount: 0 });
  });

  it.each([
    ["a body that is not JSON", "status=RESOLVED"],
    ["an unknown status", JSON.stringify({ status: "DONE" })],
    ["an unknown field", JSON.stringify({ status: "RESOLVED", priority: "high" })],
    ["a status of the wrong type", JSON.stringify({ status: 3 })],
  ])("answers %s with 400 and changes nothing", async (_label, body) => {
    const { conversation } = await customerWritesIn();
    const agent = await signIn("agent@example.com");
    const response = await agent.fetch(`/api/conversations/${conversation.id}`, { method: "PATCH", body });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "INVALID_INPUT" } });
    expect((await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).status).toBe("OPEN");
  });

  it("names the offending field of an invalid body", async () => {
    const { conversation } = await customerWritesIn();
    const agent = await signIn("agent@example.com");
    const response = await agent.fetch(`/api/conversations/${conversation.id}`, {
      method: "PATCH",
      body: JSON.stringify({ status: "DONE" }),
    });
    const body = (await response.json()) as { error: { details: { path: string }[] } };
    expect(body.error.details.map((detail) => detail.path)).toContain("status");
  });

  it("answers 404 for a conversation that does not exist", async () => {
    const agent = await signIn("agent@example.com");
    const missing = `missing-${randomUUID()}`;
    const patched = await agent.fetch(`/api/conversations/${missing}`, { method: "PATCH", body: JSON.stringify({ status: "RESOLVED" }) });
    expect(patched.status).toBe(404);
    expect(await patched.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
    expect((await agent.fetch(`/api/conversations/${missing}`)).status).toBe(404);
    expect((await agent.fetch(`/api/conversations/${missing}/messages`)).status).toBe(404);
  });

  it("refuses a signed-out caller with 401 and leaves the conversation alone", async () => {
    const { conversation } = await customerWritesIn();
    const response = await anonymous(`/api/conversations/${conversation.id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ status: "RESOLVED" }),
    });
    expect(response.status).toBe(401);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).status).toBe("OPEN");
  });
});

describe("inbox membership", () => {
  it("keeps another inbox's conversations out of reach: not listed, 404 to read, change or reply", async () => {
    const { conversation, contact } = await otherInboxConversation();
    for (const email of ["agent@example.com", "admin@example.com"]) {
      const user = await signIn(email);
      const listed = (await (await user.fetch(`/api/conversations?q=${contact.waId}`)).json()) as { items: unknown[] };
      expect(listed.items).toEqual([]);
      expect((await user.fetch(`/api/conversations/${conversation.id}`)).status).toBe(404);
      expect((await user.fetch(`/api/conversations/${conversation.id}/messages`)).status).toBe(404);
      const patched = await user.fetch(`/api/conversations/${conversation.id}`, {
        method: "PATCH",
        body: JSON.stringify({ status: "RESOLVED" }),
      });
      expect(patched.status).toBe(404);
      const replied = await user.fetch(`/api/conversations/${conversation.id}/messages`, {
        method: "POST",
        body: JSON.stringify({ text: "Hello" }),
      });
      expect(replied.status).toBe(404);
    }
    expect(await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).toMatchObject({ status: "OPEN", unreadCount: 1 });
    expect(await db.message.count({ where: { conversationId: conversation.id, direction: "OUTBOUND" } })).toBe(0);
  });
});
