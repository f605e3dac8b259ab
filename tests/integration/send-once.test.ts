import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeadLetterItem, DeadLetterRetry } from "@/components/api/types";
import type { MessageDto } from "@/lib/conversations/types";
import { eventually, GRACE_SECONDS, startSendOnceStack, type Caller, type SendOnceStack } from "../support/send-once-stack";

// Exactly-once sending against a server of its own (tests/support/send-once-stack.ts: Graph timeout 3 s, grace
// 6 s, one retry). The simulated Meta misbehaves for marked customer numbers
// (lib/simulator/send-faults.ts); what reaches it is counted in its own table.

let stack: SendOnceStack;
let agent: Caller;
let admin: Caller;
let manager: Caller;

beforeAll(async () => {
  stack = await startSendOnceStack();
  [agent, admin, manager] = await Promise.all([
    stack.as("agent@example.com"),
    stack.as("admin@example.com"),
    stack.as("manager@example.com"),
  ]);
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

const delivered = (message: MessageDto) => message.status === "DELIVERED" || message.status === "READ";

describe("a send whose answer is lost", () => {
  it.each([
    ["times out after accepting", "996"],
    ["drops the connection after accepting", "995"],
  ])("the Graph API %s: the customer has the message once, reconciled by Meta's receipts", async (_fault, prefix) => {
    const { waId, conversation } = await stack.customerWritesIn(agent, prefix);
    const queued = await stack.send(agent, conversation.id, "Your parcel left the warehouse");
    expect(queued.status).toBe("QUEUED");

    const shown = await stack.inThread(agent, queued, delivered);
    const atMeta = await stack.atMeta(waId);
    expect(atMeta).toHaveLength(1);
    expect(atMeta[0].payload).toMatchObject({ biz_opaque_callback_data: queued.id, text: { body: "Your parcel left the warehouse" } });
    expect(shown).toMatchObject({ externalId: atMeta[0].wamid, error: null });
    // One run of the job, and the answer really was lost: the receipt did the reconciling.
    expect(await stack.sendJobs(queued.id)).toEqual([expect.objectContaining({ state: "completed", retry_count: 0 })]);
    const log = stack.logAbout(queued.id);
    expect(log.some((line) => line.includes("no answer for message"))).toBe(true);
    expect(log.some((line) => line.includes("reconciled by a receipt"))).toBe(true);
  });
});

describe("a send nobody answered and no receipt confirms", () => {
  it("is never resent by a job that runs again, becomes not confirmed after the grace, and a resend sends it once", async () => {
    const { waId, conversation } = await stack.customerWritesIn(agent, "994");
    const queued = await stack.send(agent, conversation.id, "Shall I book you for Tuesday?");
    // The job has claimed it and its request hangs; a second job for it (a redelivery, another
    // instance) finds it SENDING and leaves it alone.
    await eventually(
      async () => (await stack.query(`SELECT 1 FROM "Message" WHERE id = $1 AND status = 'SENDING'`, [queued.id])).length > 0,
    );
    await stack.query(`INSERT INTO pgboss.job (name, data, singleton_key) VALUES ('whatsapp.send-message', $1, $2)`, [
      { messageId: queued.id },
      queued.id,
    ]);
    const unconfirmed = await stack.inThread(agent, queued, (shown) => shown.status === "UNCONFIRMED", (GRACE_SECONDS + 20) * 1_000);
    expect(unconfirmed.externalId).toBeNull();
    expect(unconfirmed.error?.title).toMatch(/Graph API/);
    const jobs = await stack.sendJobs(queued.id);
    expect(jobs).toHaveLength(2);
    expect(jobs.every((job) => job.state === "completed")).toBe(true);
    expect(await stack.atMeta(waId)).toHaveLength(0);

    const resend = await agent.fetch(`/api/conversations/${conversation.id}/messages/${queued.id}/retry`, { method: "POST" });
    expect(resend.status, await resend.clone().text()).toBe(200);
    expect(((await resend.json()) as MessageDto).status).toBe("QUEUED");
    const shown = await stack.inThread(agent, queued, delivered);
    const atMeta = await stack.atMeta(waId);
    expect(atMeta).toHaveLength(1);
    expect(shown.externalId).toBe(atMeta[0].wamid);
    const [audit] = await stack.query<{ action: string; actorLabel: string }>(
      `SELECT action, "actorLabel" FROM "AuditEvent" WHERE "targetId" = $1`,
      [queued.id],
    );
    expect(audit).toEqual({ action: "message.resent", actorLabel: expect.any(String) });
  });

  it("discarding takes it out of sending: nothing goes out and it cannot be resent", async () => {
    const { waId, conversation } = await stack.customerWritesIn(agent, "994");
    const queued = await stack.send(agent, conversation.id, "A reply that will not be confirmed");
    await stack.inThread(agent, queued, (shown) => shown.status === "UNCONFIRMED", (GRACE_SECONDS + 20) * 1_000);

    const discard = await agent.fetch(`/api/conversations/${conversation.id}/messages/${queued.id}/discard`, { method: "POST" });
    expect(discard.status, await discard.clone().text()).toBe(200);
    expect(((await discard.json()) as MessageDto).status).toBe("DISCARDED");
    expect((await agent.fetch(`/api/conversations/${conversation.id}/messages/${queued.id}/retry`, { method: "POST" })).status).toBe(409);
    expect((await agent.fetch(`/api/conversations/${conversation.id}/messages/${queued.id}/discard`, { method: "POST" })).status).toBe(409);
    const [audit] = await stack.query<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE "targetId" = $1`, [queued.id]);
    expect(audit.action).toBe("message.discarded");
    // Two sweeps later it is still discarded and still unsent.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect((await stack.inThread(agent, queued, () => true)).status).toBe("DISCARDED");
    expect(await stack.atMeta(waId)).toHaveLength(0);
  });
});

describe("the sweeper", () => {
  it("sends, once, a message left QUEUED without a job (a crash between its commit and its job)", async () => {
    const { waId, conversation } = await stack.customerWritesIn(agent, "49");
    const id = randomUUID();
    await stack.query(
      `INSERT INTO "Message" (id, "channelId", "conversationId", direction, type, text, content, status, timestamp, "pendingSince", "createdAt", "updatedAt")
       SELECT $1, ct."channelId", c.id, 'OUTBOUND', 'text', 'Stranded, then swept', $3, 'QUEUED', now(), now() - interval '1 minute', now(), now()
       FROM "Conversation" c JOIN "Contact" ct ON ct.id = c."contactId" WHERE c.id = $2`,
      [id, conversation.id, { text: { preview_url: false, body: "Stranded, then swept" } }],
    );
    expect(await stack.sendJobs(id)).toEqual([]);
    const shown = await stack.inThread(agent, { id, conversationId: conversation.id } as MessageDto, delivered);
    const atMeta = await stack.atMeta(waId);
    expect(atMeta).toHaveLength(1);
    expect(atMeta[0].payload).toMatchObject({ biz_opaque_callback_data: id });
    expect(shown.externalId).toBe(atMeta[0].wamid);
    expect(await stack.sendJobs(id)).toHaveLength(1);
  });
});

describe("refusals", () => {
  it("a definite refusal fails the message with Meta's error, without another try", async () => {
    const { waId, conversation } = await stack.customerWritesIn(agent, "997");
    const queued = await stack.send(agent, conversation.id, "About your delivery");
    const failed = await stack.inThread(agent, queued, (shown) => shown.status === "FAILED");
    expect(failed.error).toMatchObject({ code: 368, title: "(#368) Temporarily blocked for policies violations" });
    expect(await stack.sendJobs(queued.id)).toEqual([expect.objectContaining({ retry_count: 0 })]);
    expect(await stack.atMeta(waId)).toHaveLength(0);
    expect(
      (await admin.fetch("/api/dead-letters").then((r) => r.json())).items.map((item: DeadLetterItem) => item.message.id),
    ).not.toContain(queued.id);
  });

  it("a job that exhausts its retries is listed for admins, who can retry it; the message then goes out once", async () => {
    const { waId, conversation } = await stack.customerWritesIn(agent, "993");
    const queued = await stack.send(agent, conversation.id, "Your refund is on its way");
    const failed = await stack.inThread(agent, queued, (shown) => shown.status === "FAILED");
    expect(failed.error).toMatchObject({ code: 2 });

    const letters = (await (await admin.fetch("/api/dead-letters")).json()) as { items: DeadLetterItem[] };
    const letter = letters.items.find((item) => item.message.id === queued.id);
    expect(letter).toMatchObject({ attempts: 2, conversationId: conversation.id, error: expect.stringContaining("(code 2)") });
    for (const caller of [agent, manager]) {
      expect((await caller.fetch("/api/dead-letters")).status).toBe(403);
      expect((await caller.fetch(`/api/dead-letters/${letter!.id}/retry`, { method: "POST" })).status).toBe(403);
    }

    const retried = await admin.fetch(`/api/dead-letters/${letter!.id}/retry`, { method: "POST" });
    expect(retried.status, await retried.clone().text()).toBe(200);
    expect((await retried.json()) as DeadLetterRetry).toMatchObject({ requeued: true, message: { status: "QUEUED" } });
    expect((await admin.fetch(`/api/dead-letters/${letter!.id}/retry`, { method: "POST" })).status).toBe(409);
    // The simulated Meta answers 503 a third time, then takes it: one copy reaches the customer.
    await stack.inThread(agent, queued, delivered);
    expect(await stack.atMeta(waId)).toHaveLength(1);
    const after = (await (await admin.fetch("/api/dead-letters")).json()) as { items: DeadLetterItem[] };
    expect(after.items.map((item) => item.id)).not.toContain(letter!.id);
    const [audit] = await stack.query<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE "targetId" = $1`, [queued.id]);
    expect(audit.action).toBe("message.dead_letter_retried");
  });
});
