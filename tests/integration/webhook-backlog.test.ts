import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { LANE_LOCK_BASE, laneOf } from "@/lib/webhooks/lanes";
import { signBody } from "@/lib/whatsapp/signature";
import { signIn, webhookProcessed } from "../support/http";
import { settings, startServer } from "../support/stack";
import { inboundTextBody, uniqueTag } from "./factories";

// A webhook is answered once stored and processed right after. While bodies wait — here because
// their customer's lane is held by another transaction — the webhook log's backlog and /api/health
// count them, and health turns "degraded" past WEBHOOK_BACKLOG_DEGRADED (1 on a second instance);
// once the lane is free they are processed, in the order they came.

let second: { baseUrl: string; stop: () => Promise<void> };

beforeAll(async () => {
  second = await startServer({
    databaseUrl: inject("databaseUrl"),
    logName: "webhook-backlog.log",
    env: { WEBHOOK_BACKLOG_DEGRADED: "1" },
  });
}, 120_000);

afterAll(async () => {
  await second?.stop();
  await disconnectDb();
});

async function post(baseUrl: string, body: unknown) {
  const text = JSON.stringify(body);
  const response = await fetch(`${baseUrl}/api/webhooks/whatsapp`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-hub-signature-256": signBody(text, settings.appSecret) },
    body: text,
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as { ok: true; event: string; state: string };
}

describe("the webhook backlog", () => {
  it("counts bodies acknowledged and not yet processed, then processes them in the order they came", async () => {
    const first = inboundTextBody();
    const value = first.entry[0].changes[0].value;
    const waId = value.messages[0].from;
    const now = Math.floor(Date.now() / 1000);
    value.messages[0].timestamp = String(now - 20);
    value.messages[0].text.body = "First, while the lane is held";
    const later = structuredClone(first);
    later.entry[0].changes[0].value.messages[0] = {
      ...value.messages[0],
      id: `wamid.backlog-${uniqueTag()}`,
      timestamp: String(now - 10),
      text: { body: "Second, while the lane is held" },
    };

    const holder = new pg.Client({ connectionString: inject("databaseUrl") });
    await holder.connect();
    const lock = LANE_LOCK_BASE + laneOf(`${inject("phoneNumberId")}:${waId}`);
    let events: string[];
    try {
      await holder.query("SELECT pg_advisory_lock($1::bigint)", [lock]);
      const answers = [await post(second.baseUrl, first), await post(second.baseUrl, later)];
      expect(answers.map((answer) => answer.state)).toEqual(["RECEIVED", "RECEIVED"]);
      events = answers.map((answer) => answer.event);

      const waiting = await db.webhookEvent.findMany({ where: { id: { in: events } }, select: { state: true } });
      expect(waiting.map((event) => event.state)).toEqual(["RECEIVED", "RECEIVED"]);
      const health = await (await fetch(`${second.baseUrl}/api/health`)).json();
      expect(health).toMatchObject({ ok: true, db: "up", status: "degraded" });
      expect(health.webhooks.backlog).toBeGreaterThanOrEqual(2);
      expect(health.webhooks.lagSeconds).toBeGreaterThanOrEqual(0);

      const admin = await signIn("admin@example.com");
      const backlog = await (await admin.fetch("/api/webhook-events/backlog")).json();
      expect(backlog.bodies).toBeGreaterThanOrEqual(2);
      expect(backlog.oldestReceivedAt).not.toBeNull();
      const listed = await (await admin.fetch("/api/webhook-events?state=RECEIVED&limit=200")).json();
      expect(listed.items.map((item: { id: string }) => item.id)).toEqual(expect.arrayContaining(events));
    } finally {
      await holder.end();
    }

    for (const event of events) expect((await webhookProcessed(event)).state).toBe("PROCESSED");
    const messages = await db.message.findMany({
      where: { externalId: { in: [value.messages[0].id, later.entry[0].changes[0].value.messages[0].id] } },
      include: { conversation: true },
    });
    expect(messages).toHaveLength(2);
    expect(messages[0]!.conversationId).toBe(messages[1]!.conversationId);
    expect(messages[0]!.conversation).toMatchObject({ unreadCount: 2, lastMessagePreview: "Second, while the lane is held" });
    // The suite's own instance keeps the default threshold: a few waiting bodies are no cause for alarm.
    expect(await (await fetch(`${inject("baseUrl")}/api/health`)).json()).toMatchObject({ ok: true, status: "ok" });
  });
});
