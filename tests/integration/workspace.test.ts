import { randomInt } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { db, disconnectDb } from "@/lib/db/client";
import { wakeSnoozed } from "@/lib/conversations/wake-snoozed";
import { signIn } from "../support/http";
import { customerWritesIn, deliver, eventually, inboundTextBody, uniqueTag, uniqueWaId } from "./factories";

// The agent workspace through its JSON API: list filters and search, hand-over, labels, snooze,
// notes with mentions, the contact panel's block and spam, round-robin and the rate card.

afterAll(() => disconnectDb());

type Page = {
  items: { id: string; contact: { name: string | null; waId: string | null }; status: string; labels: { id: string }[] }[];
  nextCursor: string | null;
};

async function list(session: Awaited<ReturnType<typeof signIn>>, query: string): Promise<Page> {
  const response = await session.fetch(`/api/conversations?${query}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Page;
}

describe("the conversation list", () => {
  it("searches names, numbers and message text, and pages without repeats", async () => {
    const agent = await signIn("agent@example.com");
    const word = `quokka${uniqueTag()}`;
    const { conversation, contact } = await customerWritesIn({ text: `Do you sell the ${word} lamp?` });

    for (const query of [`q=${word}`, `q=${encodeURIComponent(contact.name!.slice(0, 6))}`, `q=${contact.waId!.slice(-7)}`]) {
      const page = await list(agent, `${query}&status=ALL`);
      expect(
        page.items.map((item) => item.id),
        query,
      ).toContain(conversation.id);
    }
    expect((await list(agent, `q=nothing-matches-${uniqueTag()}`)).items).toEqual([]);

    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const page: Page = await list(agent, `status=ALL&limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      for (const item of page.items) {
        expect(seen.has(item.id)).toBe(false);
        seen.add(item.id);
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.has(conversation.id)).toBe(true);
    expect((await agent.fetch("/api/conversations?cursor=not-a-cursor")).status).toBe(400);
  });

  it("filters by window state, assignee, label and status", async () => {
    const agent = await signIn("agent@example.com");
    const fresh = await customerWritesIn({ text: "fresh" });
    const stale = await customerWritesIn({ text: "stale" });
    await db.conversation.update({ where: { id: stale.conversation.id }, data: { lastInboundAt: new Date(Date.now() - 25 * 3_600_000) } });
    const closing = await customerWritesIn({ text: "closing" });
    await db.conversation.update({
      where: { id: closing.conversation.id },
      data: { lastInboundAt: new Date(Date.now() - 23.5 * 3_600_000) },
    });

    // Closes in three hours: within four, not within one.
    const later = await customerWritesIn({ text: "later" });
    await db.conversation.update({ where: { id: later.conversation.id }, data: { lastInboundAt: new Date(Date.now() - 21 * 3_600_000) } });

    const ids = async (query: string) =>
      (await list(agent, `${query.includes("status=") ? "" : "status=ALL&"}${query}&limit=100`)).items.map((item) => item.id);
    expect(await ids("window=closed")).toContain(stale.conversation.id);
    expect(await ids("window=closed")).not.toContain(fresh.conversation.id);
    expect(await ids("window=closing")).toContain(closing.conversation.id);
    expect(await ids("window=closing")).not.toContain(fresh.conversation.id);
    expect(await ids("window=closing")).not.toContain(later.conversation.id);
    expect(await ids("window=closing4h")).toEqual(expect.arrayContaining([closing.conversation.id, later.conversation.id]));
    expect(await ids("window=closing4h")).not.toContain(fresh.conversation.id);
    expect(await ids("window=closing4h")).not.toContain(stale.conversation.id);
    expect(await ids("window=open")).toContain(fresh.conversation.id);

    const vip = await db.label.upsert({ where: { name: "vip" }, update: {}, create: { name: "vip", color: "violet" } });
    const patched = await agent.fetch(`/api/conversations/${fresh.conversation.id}`, {
      method: "PATCH",
      body: JSON.stringify({
        labelIds: [vip.id],
        assigneeId: (await db.user.findUniqueOrThrow({ where: { email: "agent@example.com" } })).id,
      }),
    });
    expect(patched.status).toBe(200);
    expect(await ids(`label=${vip.id}`)).toContain(fresh.conversation.id);
    expect(await ids("assignee=me")).toContain(fresh.conversation.id);
    expect(await ids("assignee=unassigned")).not.toContain(fresh.conversation.id);
    expect(await ids("status=RESOLVED")).not.toContain(fresh.conversation.id);
  });
});

describe("hand-over, snooze and notes", () => {
  it("assigns with an activity line and a notification for the new assignee", async () => {
    const alex = await signIn("agent@example.com");
    const sam = await db.user.findUniqueOrThrow({ where: { email: "agent2@example.com" } });
    const { conversation } = await customerWritesIn();
    const response = await alex.fetch(`/api/conversations/${conversation.id}`, {
      method: "PATCH",
      body: JSON.stringify({ assigneeId: sam.id }),
    });
    expect(response.status).toBe(200);
    expect((await db.message.findFirstOrThrow({ where: { conversationId: conversation.id, type: "activity" } })).activity).toEqual({
      kind: "assigned",
      params: { actor: "Alex Agent", assignee: "Sam Support" },
    });
    expect(await db.notification.count({ where: { userId: sam.id, conversationId: conversation.id, kind: "assigned" } })).toBe(1);
  });

  it("snoozes until a time, and reopens when the customer writes or the time comes", async () => {
    const agent = await signIn("agent@example.com");
    const { conversation, contact } = await customerWritesIn();
    const bad = await agent.fetch(`/api/conversations/${conversation.id}`, {
      method: "PATCH",
      body: JSON.stringify({ status: "SNOOZED" }),
    });
    expect(bad.status).toBe(422);

    const until = new Date(Date.now() + 3_600_000).toISOString();
    const snoozed = await agent.fetch(`/api/conversations/${conversation.id}`, {
      method: "PATCH",
      body: JSON.stringify({ status: "SNOOZED", snoozedUntil: until }),
    });
    expect(((await snoozed.json()) as { status: string; snoozedUntil: string }).snoozedUntil).toBe(until);

    // The customer writes again: the conversation is open again.
    const body = inboundTextBody();
    const value = body.entry[0].changes[0].value;
    value.contacts[0].wa_id = contact.waId!;
    value.contacts[0].user_id = contact.bsuid!;
    value.messages[0].from = contact.waId!;
    value.messages[0].timestamp = String(Math.floor(Date.now() / 1000));
    await deliver(body);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).status).toBe("OPEN");

    // Snoozed with a time already past: the minute job reopens it.
    await db.conversation.update({
      where: { id: conversation.id },
      data: { status: "SNOOZED", snoozedUntil: new Date(Date.now() - 1_000) },
    });
    expect(await wakeSnoozed()).toBeGreaterThanOrEqual(1);
    const woken = await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } });
    expect(woken).toMatchObject({ status: "OPEN", snoozedUntil: null });
  });

  it("keeps notes private and notifies the colleagues they mention", async () => {
    const alex = await signIn("agent@example.com");
    const sam = await db.user.findUniqueOrThrow({ where: { email: "agent2@example.com" } });
    const { conversation } = await customerWritesIn();
    const response = await alex.fetch(`/api/conversations/${conversation.id}/messages`, {
      method: "POST",
      body: JSON.stringify({ note: { text: "@Sam can you check the stock?" } }),
    });
    expect(response.status).toBe(201);
    const note = (await response.json()) as { id: string; type: string };
    expect(note.type).toBe("note");
    const row = await db.message.findUniqueOrThrow({ where: { id: note.id } });
    expect(row).toMatchObject({ private: true, status: "RECEIVED", externalId: null });
    expect(await db.notification.count({ where: { userId: sam.id, messageId: note.id, kind: "mention" } })).toBe(1);
    // Notes never count as the conversation's last message nor go to a send job.
    expect((await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).lastMessagePreview).not.toContain("stock");
    const samSession = await signIn("agent2@example.com");
    const notifications = (await (await samSession.fetch("/api/notifications")).json()) as {
      unread: number;
      items: { messageId: string }[];
    };
    expect(notifications.items.some((item) => item.messageId === note.id)).toBe(true);
  });
});

describe("the contact panel", () => {
  it("edits attributes, and blocks and marks spam only with a reason, audited", async () => {
    const agent = await signIn("agent@example.com");
    const { conversation, contact } = await customerWritesIn();
    const edited = await agent.fetch(`/api/contacts/${contact.id}`, {
      method: "PATCH",
      body: JSON.stringify({ attributes: { plan: "gold" }, notes: "Prefers mornings" }),
    });
    expect(((await edited.json()) as { attributes: Record<string, string> }).attributes).toEqual({ plan: "gold" });

    expect((await agent.fetch(`/api/contacts/${contact.id}/block`, { method: "POST", body: JSON.stringify({}) })).status).toBe(400);
    const blocked = await agent.fetch(`/api/contacts/${contact.id}/block`, {
      method: "POST",
      body: JSON.stringify({ reason: "Abusive language" }),
    });
    expect(blocked.status).toBe(200);
    const outcome = (await blocked.json()) as { blocked: boolean; atMeta: boolean; notice: string | null };
    expect(outcome.blocked).toBe(true);
    // This customer wrote through a webhook the simulator never saw, so Meta's side refuses (24 h rule).
    expect(outcome.notice).toContain("last 24 hours");
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).blockedAt).not.toBeNull();

    const reply = await agent.fetch(`/api/conversations/${conversation.id}/messages`, {
      method: "POST",
      body: JSON.stringify({ text: "Hello?" }),
    });
    expect(reply.status).toBe(422);

    expect(
      (await agent.fetch(`/api/contacts/${contact.id}/spam`, { method: "POST", body: JSON.stringify({ reason: "Sends links to scams" }) }))
        .status,
    ).toBe(200);
    const details = (await (await agent.fetch(`/api/contacts/${contact.id}`)).json()) as {
      history: { action: string; reason: string }[];
      spamAt: string | null;
    };
    expect(details.spamAt).not.toBeNull();
    expect(details.history.map((event) => [event.action, event.reason])).toEqual(
      expect.arrayContaining([
        ["contact.blocked", "Abusive language"],
        ["contact.marked_spam", "Sends links to scams"],
      ]),
    );
  });
});

describe("round-robin assignment", () => {
  it("gives a new conversation to the online agent with the fewest open ones, within the cap", async () => {
    const phoneNumberId = `4${String(randomInt(0, 100_000_000_000_000)).padStart(14, "0")}`;
    const [alex, sam] = await Promise.all(
      ["agent@example.com", "agent2@example.com"].map((email) => db.user.findUniqueOrThrow({ where: { email } })),
    );
    const channel = await db.channel.create({
      data: {
        phoneNumberId,
        displayPhoneNumber: "15550100777",
        wabaId: "277777777777777",
        inbox: {
          create: {
            name: `Round robin ${uniqueTag()}`,
            autoAssign: true,
            maxOpenPerAgent: 1,
            members: { create: [{ userId: alex.id }, { userId: sam.id }] },
          },
        },
      },
    });
    await db.user.updateMany({ where: { id: { in: [alex.id, sam.id] } }, data: { lastSeenAt: new Date() } });

    const assigned: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const body = inboundTextBody();
      body.entry[0].changes[0].value.metadata.phone_number_id = phoneNumberId;
      body.entry[0].changes[0].value.messages[0].from = uniqueWaId();
      body.entry[0].changes[0].value.contacts[0].wa_id = body.entry[0].changes[0].value.messages[0].from;
      await deliver(body);
      const conversation = await eventually(() =>
        db.conversation.findFirst({ where: { inbox: { channelId: channel.id } }, orderBy: { createdAt: "desc" }, skip: 0 }),
      );
      assigned.push(conversation.assigneeId);
    }
    // One each, then both are at their cap of one: the third waits unassigned.
    expect(new Set(assigned.slice(0, 2))).toEqual(new Set([alex.id, sam.id]));
    expect(assigned[2]).toBeNull();
  });
});

describe("flows", () => {
  it("are registered by admins and sent by agents as Meta's flow message", async () => {
    const agent = await signIn("agent@example.com");
    const admin = await signIn("admin@example.com");
    const { conversation } = await customerWritesIn();
    const flow = {
      channelId: conversation.contact.channelId,
      metaId: `55${randomInt(1_000_000, 9_999_999)}`,
      name: "Warranty claim",
      cta: "Start claim",
      screen: "CLAIM",
    };
    expect((await agent.fetch("/api/flows", { method: "POST", body: JSON.stringify(flow) })).status).toBe(403);
    expect((await admin.fetch("/api/flows", { method: "POST", body: JSON.stringify({ ...flow, cta: "Start 🚀" }) })).status).toBe(400);
    const created = await admin.fetch("/api/flows", { method: "POST", body: JSON.stringify(flow) });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const listed = (await (await agent.fetch("/api/flows")).json()) as { items: { id: string }[] };
    expect(listed.items.map((item) => item.id)).toContain(id);

    const sent = await agent.fetch(`/api/conversations/${conversation.id}/messages`, {
      method: "POST",
      body: JSON.stringify({ flow: { flowId: id, body: "Tell us what happened" } }),
    });
    expect(sent.status).toBe(201);
    const message = (await sent.json()) as {
      type: string;
      content: { interactive: { type: string; action: { parameters: Record<string, unknown> } } };
    };
    expect(message.type).toBe("interactive");
    expect(message.content.interactive.action.parameters).toMatchObject({
      flow_id: flow.metaId,
      flow_cta: "Start claim",
      flow_action: "navigate",
      flow_action_payload: { screen: "CLAIM" },
    });
    expect((await admin.fetch(`/api/flows/${id}`, { method: "DELETE" })).status).toBe(200);
    // The removal is audited with the flow as it was (dates and all), and the chain still checks out.
    expect(await db.auditEvent.count({ where: { action: "flow.removed", targetId: id } })).toBe(1);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });
});

describe("assignment settings", () => {
  it("let admins turn round-robin on and cap agents, and nobody else", async () => {
    const agent = await signIn("agent@example.com");
    const admin = await signIn("admin@example.com");
    expect((await agent.fetch("/api/settings/assignment")).status).toBe(403);
    const settings = (await (await admin.fetch("/api/settings/assignment")).json()) as {
      agents: { id: string; maxOpenConversations: number | null }[];
    };
    const [first] = settings.agents;
    const saved = await admin.fetch("/api/settings/assignment", {
      method: "PATCH",
      body: JSON.stringify({ agents: [{ id: first.id, maxOpenConversations: 7 }] }),
    });
    expect(saved.status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { id: first.id } })).maxOpenConversations).toBe(7);
    const reset = await admin.fetch("/api/settings/assignment", {
      method: "PATCH",
      body: JSON.stringify({ agents: [{ id: first.id, maxOpenConversations: first.maxOpenConversations }] }),
    });
    expect(reset.status).toBe(200);
    expect(
      (
        await admin.fetch("/api/settings/assignment", {
          method: "PATCH",
          body: JSON.stringify({ agents: [{ id: first.id, maxOpenConversations: 0 }] }),
        })
      ).status,
    ).toBe(400);
  });
});

describe("the rate card", () => {
  it("is read by agents and replaced only by admins", async () => {
    const agent = await signIn("agent@example.com");
    const admin = await signIn("admin@example.com");
    const current = (await (await agent.fetch("/api/rate-card")).json()) as { items: unknown[] };
    expect(current.items.length).toBeGreaterThan(0);
    expect((await agent.fetch("/api/rate-card", { method: "PUT", body: JSON.stringify({ rates: [] }) })).status).toBe(403);
    const invalid = await admin.fetch("/api/rate-card", {
      method: "PUT",
      body: JSON.stringify({ rates: [{ category: "MARKETING", countryCode: "abc", price: 1 }] }),
    });
    expect(invalid.status).toBe(400);
    const saved = await admin.fetch("/api/rate-card", { method: "PUT", body: JSON.stringify({ rates: current.items }) });
    expect(saved.status).toBe(200);
    expect(await db.auditEvent.count({ where: { action: "rate_card.replaced" } })).toBeGreaterThan(0);
  });
});
