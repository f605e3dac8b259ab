import { randomInt } from "node:crypto";
import { expect } from "vitest";
import { db } from "@/lib/db/client";
import { simulatorDefaults } from "@/lib/config/schema";
import type { ConversationDto, MessageDto } from "@/lib/conversations/types";
import { baseUrl, type Session } from "../support/http";
import { eventually, uniqueTag, uniqueWaId } from "./factories";

// Helpers for the send-*.test.ts files: a simulated customer writes in (real HTTP through the
// simulator's phone), an agent sends through the JSON API, the simulator plays Meta and its stored
// SimulatorMessage.payload shows exactly what reached the Graph API.

/** A customer number the simulator treats specially (see lib/simulator/post-message.ts). */
export function markedWaId(prefix: "997" | "998" | "999"): string {
  return `${prefix}${String(randomInt(0, 1_000_000_000)).padStart(9, "0")}`;
}

export async function customerOpens(
  agent: Session,
  { waId = uniqueWaId(), text = `Hello ${uniqueTag()}`, referral }: { waId?: string; text?: string; referral?: { headline: string } } = {},
) {
  const name = `Customer ${uniqueTag()}`;
  const response = await fetch(`${baseUrl()}/api/simulator/customers/${waId}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, text, ...(referral ? { referral } : {}) }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  const { wamid } = (await response.json()) as { wamid: string };
  const conversation = await eventually(
    async () => {
      const { items } = (await (await agent.fetch(`/api/conversations?q=${waId}`)).json()) as { items: ConversationDto[] };
      return items[0];
    },
    { what: `the conversation with ${waId}` },
  );
  const inbound = await db.message.findFirstOrThrow({ where: { externalId: wamid } });
  return { conversation, waId, name, inbound };
}

export async function send(agent: Session, conversationId: string, body: unknown) {
  return agent.fetch(`/api/conversations/${conversationId}/messages`, { method: "POST", body: JSON.stringify(body) });
}

/** Sends and expects 201 QUEUED; returns the queued message. */
export async function sent(agent: Session, conversationId: string, body: unknown): Promise<MessageDto> {
  const response = await send(agent, conversationId, body);
  expect(response.status, await response.clone().text()).toBe(201);
  const message = (await response.json()) as MessageDto;
  expect(message).toMatchObject({ direction: "OUTBOUND", status: "QUEUED" });
  return message;
}

/** Waits until the message (as the database has it) reaches `status`. */
export async function reaches(messageId: string, status: "SENT" | "DELIVERED" | "READ" | "FAILED", timeoutMs = 20_000) {
  return eventually(
    async () => {
      const message = await db.message.findUniqueOrThrow({ where: { id: messageId } });
      return message.status === status ? message : null;
    },
    { timeoutMs, what: `message ${messageId} to be ${status}` },
  );
}

/** What the simulated Graph API received for `wamid`. */
export async function graphPayload(wamid: string | null): Promise<Record<string, unknown>> {
  expect(wamid).toMatch(/^wamid\./);
  const row = await db.simulatorMessage.findUniqueOrThrow({ where: { wamid: wamid! } });
  return row.payload as Record<string, unknown>;
}

/** Moves the customer's last message 25 h back, for the simulator (Meta) and the inbox alike. */
export async function closeWindow({ conversationId, waId }: { conversationId: string; waId: string }) {
  const past = new Date(Date.now() - 25 * 60 * 60 * 1000);
  await db.simulatorMessage.updateMany({ where: { customerWaId: waId, direction: "INBOUND" }, data: { createdAt: past } });
  await db.conversation.update({ where: { id: conversationId }, data: { lastInboundAt: past } });
}

/** Fetches every template from the simulator into the Template table, as an admin would. */
export async function syncTemplatesAsAdmin(admin: Session) {
  const response = await admin.fetch("/api/templates/sync", { method: "POST" });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as { items: { channelId: string; pages: number; synced: number; deleted: number }[] };
}

/** Calls the simulated Graph API directly with the configured number's token, as Switchboard's own Graph client would. */
export async function simulatorGraph(method: string, path: string, body?: unknown) {
  const response = await fetch(`${baseUrl()}/api/simulator/graph/v23.0/${path}`, {
    method,
    headers: { authorization: `Bearer ${simulatorDefaults.accessToken}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Uploads a file to send (multipart, as the composer does). */
export async function upload(
  agent: Session,
  conversationId: string,
  { bytes, type, name }: { bytes: Uint8Array; type: string; name: string },
) {
  const form = new FormData();
  form.set("file", new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), name);
  return fetch(`${baseUrl()}/api/conversations/${conversationId}/media`, { method: "POST", body: form, headers: { cookie: agent.cookie } });
}

// A 1×1 transparent PNG.
export const png = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64"),
);
