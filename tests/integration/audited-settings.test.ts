import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { signIn } from "../support/http";
import { customerWritesIn, uniqueTag } from "./factories";

// Shared settings and admin actions leave an audit event naming who did what: labels, canned
// replies (saved and deleted) and webhook replays.

afterAll(() => disconnectDb());

async function eventsFor(targetId: string) {
  return db.auditEvent.findMany({ where: { targetId }, orderBy: { seq: "asc" } });
}

describe("audited workspace changes", () => {
  it("records who created a label", async () => {
    const manager = await signIn("manager@example.com");
    const name = `audited ${uniqueTag()}`;
    const response = await manager.fetch("/api/labels", { method: "POST", body: JSON.stringify({ name, color: "amber" }) });
    expect(response.status).toBe(201);
    const label = await response.json();
    const [event, ...more] = await eventsFor(label.id);
    expect(more).toEqual([]);
    const user = await db.user.findUniqueOrThrow({ where: { email: "manager@example.com" } });
    expect(event).toMatchObject({
      action: "label.created",
      targetType: "label",
      actorId: user.id,
      // The actor's name as it was then, and the address the request came from, covered by the hash.
      actorLabel: "Maya Manager",
      hashAlgorithm: "hmac-sha256-v2",
    });
    expect(event!.ip).toEqual(expect.any(String));
    expect(event!.after).toEqual({ id: label.id, name, color: "amber" });
  });

  it("records a canned reply saved, replaced and deleted, with what it said before", async () => {
    const manager = await signIn("manager@example.com");
    const shortcut = `audit-${uniqueTag()}`;
    const save = (body: string) =>
      manager.fetch("/api/canned-responses", { method: "POST", body: JSON.stringify({ shortcut, title: "Audited", body }) });
    const first = await (await save("First wording")).json();
    const second = await (await save("Second wording")).json();
    expect(second.id).toBe(first.id);
    expect((await manager.fetch(`/api/canned-responses/${first.id}`, { method: "DELETE" })).status).toBe(200);

    const events = await eventsFor(first.id);
    expect(events.map((event) => event.action)).toEqual(["canned_response.saved", "canned_response.saved", "canned_response.deleted"]);
    expect(events.every((event) => event.actorLabel === "Maya Manager")).toBe(true);
    expect(events[0]!.before).toBeNull();
    expect(events[1]).toMatchObject({ before: { body: "First wording" }, after: { body: "Second wording" } });
    expect(events[2]).toMatchObject({ before: { shortcut, body: "Second wording" }, after: null });
  });

  it("records nothing for a canned reply that is not there", async () => {
    const manager = await signIn("manager@example.com");
    const id = `missing-${uniqueTag()}`;
    expect((await manager.fetch(`/api/canned-responses/${id}`, { method: "DELETE" })).status).toBe(404);
    expect(await eventsFor(id)).toEqual([]);
  });

  it("records an admin's webhook replay with its outcome", async () => {
    const { eventId } = await customerWritesIn();
    const admin = await signIn("admin@example.com");
    expect((await admin.fetch(`/api/webhook-events/${eventId}/replay`, { method: "POST" })).status).toBe(200);
    const [event] = await eventsFor(eventId);
    expect(event).toMatchObject({
      action: "webhook_event.replayed",
      targetType: "webhook_event",
      actorLabel: "Ada Admin",
      before: { state: "PROCESSED", error: null },
      after: { state: "PROCESSED", error: null },
    });
  });
});
