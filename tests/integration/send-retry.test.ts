import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import type { MessageDto } from "@/lib/conversations/types";
import { signIn, type Session } from "../support/http";
import { customerOpens, markedWaId, reaches, sent, simulatorGraph } from "./sending";

// Failures on the way to WhatsApp. A 5xx is retried by the send job with backoff and the message
// still goes out exactly once; a permanent 4xx fails at once with Meta's error kept; the retry
// endpoint sends a failed message again on the same row. The simulator fails on purpose for marked
// numbers (lib/simulator/post-message.ts).

let agent: Session;
const jobs = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });

beforeAll(async () => {
  agent = await signIn("agent@example.com");
});
afterAll(async () => {
  await jobs.end();
});

/** How often the send job ran for a message (pg-boss keeps the retry count). */
async function sendAttempts(messageId: string): Promise<number> {
  const { rows } = await jobs.query<{ retry_count: number }>(
    `SELECT retry_count FROM pgboss.job WHERE name = 'whatsapp.send-message' AND data->>'messageId' = $1`,
    [messageId],
  );
  return rows.reduce((total, row) => total + row.retry_count + 1, 0);
}

async function outboundAtSimulator(waId: string) {
  return db.simulatorMessage.findMany({ where: { customerWaId: waId, direction: "OUTBOUND" } });
}

async function retry(conversationId: string, messageId: string) {
  return agent.fetch(`/api/conversations/${conversationId}/messages/${messageId}/retry`, { method: "POST" });
}

describe("transient failures", () => {
  it("a 500 from the Graph API is retried and the message is sent exactly once", async () => {
    const { conversation, waId } = await customerOpens(agent, { waId: markedWaId("998") });
    const queued = await sent(agent, conversation.id, { text: "Your order is ready" });
    const read = await reaches(queued.id, "READ", 30_000);
    expect(read.errorCode).toBeNull();
    expect(await sendAttempts(queued.id)).toBe(2);
    const atMeta = await outboundAtSimulator(waId);
    expect(atMeta).toHaveLength(1);
    expect(atMeta[0]).toMatchObject({ wamid: read.externalId, payload: expect.objectContaining({ biz_opaque_callback_data: queued.id }) });
  });
});

describe("permanent failures and the retry endpoint", () => {
  it("a permanent 4xx fails at once with Meta's error kept; retry sends the same message again", async () => {
    const { conversation, waId } = await customerOpens(agent, { waId: markedWaId("997") });
    const queued = await sent(agent, conversation.id, { text: "About your delivery" });
    const failed = await reaches(queued.id, "FAILED");
    expect(failed).toMatchObject({ errorCode: 368, errorTitle: "(#368) Temporarily blocked for policies violations", externalId: null });
    expect(failed.errorDetails).toContain("temporarily blocked");
    expect(await sendAttempts(queued.id)).toBe(1);
    expect(await outboundAtSimulator(waId)).toHaveLength(0);

    const response = await retry(conversation.id, queued.id);
    expect(response.status, await response.clone().text()).toBe(200);
    expect((await response.json()) as MessageDto).toMatchObject({ id: queued.id, status: "QUEUED", error: null, failedAt: null });
    const read = await reaches(queued.id, "READ");
    expect(read).toMatchObject({
      id: queued.id,
      errorCode: null,
      errorTitle: null,
      errorDetails: null,
      failedAt: null,
      pricingType: "free_customer_service",
    });
    expect(await outboundAtSimulator(waId)).toHaveLength(1);
    expect(await db.message.count({ where: { conversationId: conversation.id, direction: "OUTBOUND" } })).toBe(1);

    // Only a failed message can be retried.
    const again = await retry(conversation.id, queued.id);
    expect(again.status).toBe(409);
  });

  it("a customer the business blocked: 130403 arrives as a failed status; after unblocking, retry delivers", async () => {
    const { conversation, waId } = await customerOpens(agent);
    const blocked = await simulatorGraph("POST", `${inject("phoneNumberId")}/block_users`, {
      messaging_product: "whatsapp",
      block_users: [{ user: `+${waId}` }],
    });
    expect(blocked).toEqual({
      status: 200,
      body: { messaging_product: "whatsapp", block_users: { added_users: [{ input: `+${waId}`, wa_id: waId }] } },
    });

    const queued = await sent(agent, conversation.id, { text: "Hello again" });
    const failed = await reaches(queued.id, "FAILED");
    expect(failed).toMatchObject({ errorCode: 130403, errorTitle: "Recipient blocked" });
    const firstWamid = failed.externalId;
    expect(firstWamid).toMatch(/^wamid\./);

    const unblocked = await simulatorGraph("DELETE", `${inject("phoneNumberId")}/block_users`, {
      messaging_product: "whatsapp",
      block_users: [{ user: waId }],
    });
    expect(unblocked.body).toMatchObject({ block_users: { removed_users: [{ input: waId, wa_id: waId }] } });
    expect((await retry(conversation.id, queued.id)).status).toBe(200);
    const read = await reaches(queued.id, "READ");
    expect(read.externalId).not.toBe(firstWamid);
    expect(read.errorCode).toBeNull();
  });

  it("a number not on WhatsApp fails with 131026, shown to the agent in words", async () => {
    const { conversation } = await customerOpens(agent, { waId: markedWaId("999") });
    const queued = await sent(agent, conversation.id, { text: "Welcome!" });
    const failed = await reaches(queued.id, "FAILED");
    expect(failed).toMatchObject({ errorCode: 131026, errorTitle: "Message undeliverable" });
    const thread = (await (await agent.fetch(`/api/conversations/${conversation.id}/messages`)).json()) as { items: MessageDto[] };
    expect(thread.items.find((item) => item.id === queued.id)).toMatchObject({ status: "FAILED", error: { code: 131026 } });
  });
});

describe("the simulator's Block Users API", () => {
  it("blocks only customers who wrote in the last 24 h, reporting the others with 131047 and 139100", async () => {
    const { waId } = await customerOpens(agent);
    const stranger = markedWaId("998");
    const response = await simulatorGraph("POST", `${inject("phoneNumberId")}/block_users`, {
      messaging_product: "whatsapp",
      block_users: [{ user: waId }, { user: stranger }],
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      messaging_product: "whatsapp",
      block_users: {
        added_users: [{ input: waId, wa_id: waId }],
        failed_users: [
          {
            input: stranger,
            wa_id: stranger,
            errors: [{ code: 131047, message: expect.any(String), error_data: { details: expect.any(String) } }],
          },
        ],
      },
      error: { code: 139100, message: "(#139100) Failed to block users" },
    });
    const list = await simulatorGraph("GET", `${inject("phoneNumberId")}/block_users?limit=1000`);
    expect((list.body.data as { wa_id: string }[]).map((entry) => entry.wa_id)).toContain(waId);
    await simulatorGraph("DELETE", `${inject("phoneNumberId")}/block_users`, {
      messaging_product: "whatsapp",
      block_users: [{ user: waId }],
    });
  });
});
