import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { baseUrl, signIn, type Session } from "../support/http";
import { eventually } from "./factories";
import { customerOpens, reaches, sent } from "./sending";

// Both directions of "read": the agent opening a conversation sends Meta's read receipt (blue
// ticks on the customer's phone) and typing shows "typing…", throttled; a customer who doesn't
// open the chat leaves the business's messages delivered until they do.

let agent: Session;
const jobs = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });

beforeAll(async () => {
  agent = await signIn("agent@example.com");
});
afterAll(async () => {
  await jobs.end();
});

async function receiptJobs(wamid: string): Promise<number> {
  const { rows } = await jobs.query(`SELECT id FROM pgboss.job WHERE name = 'whatsapp.read-receipt' AND data->>'wamid' = $1`, [wamid]);
  return rows.length;
}

async function phoneSettings(waId: string) {
  return (await (await fetch(`${baseUrl()}/api/simulator/customers/${waId}`)).json()) as {
    readsMessages: boolean;
    blocked: boolean;
    typing: boolean;
  };
}

async function setReads(waId: string, readsMessages: boolean) {
  const response = await fetch(`${baseUrl()}/api/simulator/customers/${waId}`, {
    method: "PATCH",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ readsMessages }),
  });
  expect(response.status).toBe(200);
}

describe("the business reads", () => {
  it("opening the conversation sends one read receipt for the customer's latest message", async () => {
    const { conversation, waId, inbound } = await customerOpens(agent);
    const response = await agent.fetch(`/api/conversations/${conversation.id}/read`, { method: "POST" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ unreadCount: 0 });
    await eventually(
      async () => (await db.simulatorMessage.findUniqueOrThrow({ where: { wamid: inbound.externalId! } })).status === "read",
      {
        what: "the customer's message to show read",
      },
    );
    expect((await db.message.findUniqueOrThrow({ where: { id: inbound.id } })).readAt).not.toBeNull();

    // PATCH markRead (what the inbox does) leads to the same, and only once per message.
    const patch = await agent.fetch(`/api/conversations/${conversation.id}`, { method: "PATCH", body: JSON.stringify({ markRead: true }) });
    expect(patch.status).toBe(200);
    expect(await receiptJobs(inbound.externalId!)).toBe(1);
    expect(await db.simulatorMessage.count({ where: { customerWaId: waId, direction: "INBOUND", status: "read" } })).toBe(1);
  });

  it("typing shows on the customer's phone, at most once per 20 s", async () => {
    const { conversation, waId } = await customerOpens(agent);
    const first = await agent.fetch(`/api/conversations/${conversation.id}/typing`, { method: "POST" });
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ sent: true });
    const second = await agent.fetch(`/api/conversations/${conversation.id}/typing`, { method: "POST" });
    expect(await second.json()).toEqual({ sent: false });
    await eventually(async () => (await phoneSettings(waId)).typing, { what: "the typing indicator on the phone" });

    // The reply ends it.
    const reply = await sent(agent, conversation.id, { text: "Here you go" });
    await reaches(reply.id, "SENT");
    expect((await phoneSettings(waId)).typing).toBe(false);

    // After 20 s another indicator goes out.
    await db.conversation.update({ where: { id: conversation.id }, data: { typingIndicatorAt: new Date(Date.now() - 21_000) } });
    expect(await (await agent.fetch(`/api/conversations/${conversation.id}/typing`, { method: "POST" })).json()).toEqual({ sent: true });
  });
});

describe("the customer reads", () => {
  it("a customer who doesn't open the chat leaves messages delivered; opening it sends the read receipts", async () => {
    const { conversation, waId } = await customerOpens(agent);
    await setReads(waId, false);
    expect(await phoneSettings(waId)).toMatchObject({ readsMessages: false });

    const first = await sent(agent, conversation.id, { text: "Your table has shipped" });
    const second = await sent(agent, conversation.id, { text: "Tracking: NW-48213" });
    await reaches(first.id, "DELIVERED");
    await reaches(second.id, "DELIVERED");
    await new Promise((resolve) => setTimeout(resolve, 2_500)); // past when a read would have come
    expect((await db.message.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("DELIVERED");

    await setReads(waId, true);
    for (const message of [first, second]) {
      const read = await reaches(message.id, "READ");
      expect(read.readAt).not.toBeNull();
      // Pricing came with sent/delivered and stays.
      expect(read).toMatchObject({ pricingType: "free_customer_service", pricingCategory: "service" });
    }
  });
});
