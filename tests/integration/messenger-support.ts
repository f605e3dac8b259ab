import { randomInt, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, inject } from "vitest";
import { db } from "@/lib/db/client";
import type { MessageDto } from "@/lib/conversations/types";
import { signBody } from "@/lib/whatsapp/signature";
import { baseUrl, webhookProcessed, type Session } from "../support/http";
import { eventually, uniqueTag } from "./factories";

// Helpers for the Messenger tests: Meta's printed Page webhook examples (tests/fixtures/messenger)
// made unique and posted signed with the Page app's secret; customers written in through the
// simulator's Messenger phone; a tiny file server standing in for Meta's attachment CDN.

const fixturesDir = path.resolve(import.meta.dirname, "../fixtures/messenger");

/** A Page-scoped id nobody else in the suite uses. */
export function newPsid(prefix = "71"): string {
  return `${prefix}${String(randomInt(0, 1e12)).padStart(12, "0")}${randomInt(10, 99)}`;
}

export async function pageChannel() {
  return db.channel.findUniqueOrThrow({ where: { pageId: inject("pageId") }, include: { inbox: true } });
}

/**
 * A fixture with the Page and customer filled in, every mid made unique with `tag`, and the
 * remaining placeholders (…_URL, the reacted-to mid) replaced as given.
 */
export function pageFixture(
  name: string,
  { psid, tag = uniqueTag(), replace = {} }: { psid: string; tag?: string; replace?: Record<string, string> },
): PageBody {
  let text = readFileSync(path.join(fixturesDir, name), "utf8")
    .replaceAll('"<PAGE_ID>"', JSON.stringify(inject("pageId")))
    .replaceAll('"<PSID>"', JSON.stringify(psid))
    .replace(/"((?:mid\.|m_|qT7y)[^"]*)"/g, `"$1-${tag}"`);
  for (const [placeholder, value] of Object.entries(replace)) text = text.replaceAll(`"${placeholder}"`, JSON.stringify(value));
  return JSON.parse(text) as PageBody;
}

export type PageEventJson = Record<string, unknown> & { timestamp?: number; message?: Record<string, unknown> };
export type PageBody = { object: string; entry: { id: string; time: number; messaging?: PageEventJson[]; standby?: PageEventJson[] }[] };

export function events(body: PageBody): PageEventJson[] {
  return body.entry.flatMap((entry) => [...(entry.messaging ?? []), ...(entry.standby ?? [])]);
}

/**
 * POSTs a Page body, signed with the Page app's secret unless `secret` or `signature` say otherwise.
 * The server answers 200 once the body is stored and processes it right after; a 200 is returned
 * only when that processing is done too, so a test reads its effects.
 */
export async function postPageWebhook(
  body: unknown,
  { secret, signature, raw }: { secret?: string; signature?: string | null; raw?: string } = {},
) {
  const text = raw ?? JSON.stringify(body);
  const headers: Record<string, string> = { "content-type": "application/json" };
  const header = signature === undefined ? signBody(text, secret ?? inject("pageAppSecret")) : signature;
  if (header !== null) headers["x-hub-signature-256"] = header;
  const response = await fetch(`${baseUrl()}/api/webhooks/messenger`, { method: "POST", headers, body: text });
  if (response.status === 200) await webhookProcessed(((await response.clone().json()) as { event: string }).event);
  return response;
}

/** POSTs a Page body and expects Meta's 200; returns the logged event's id and how its processing ended. */
export async function deliverPage(body: unknown): Promise<{ event: string; state: "PROCESSED" | "FAILED"; problems?: string }> {
  const response = await postPageWebhook(body);
  expect(response.status, await response.clone().text()).toBe(200);
  const { event } = (await response.json()) as { event: string };
  const { state, error } = await webhookProcessed(event);
  return { event, state, ...(error ? { problems: error } : {}) };
}

/** A customer writes a text to the Page through the simulator's Messenger phone (real HTTP, signed webhook). */
export async function customerWritesOnMessenger({
  psid = newPsid(),
  text = `Hello ${uniqueTag()}`,
  name = `Customer ${uniqueTag()}`,
} = {}) {
  const response = await fetch(`${baseUrl()}/api/simulator/messenger/${psid}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, kind: "text", text }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  const { mid, webhookStatus } = (await response.json()) as { mid: string; webhookStatus: number };
  expect(webhookStatus).toBe(200);
  // Acknowledged means stored; the message is in the inbox moments later.
  const inbound = await eventually(
    () => db.message.findFirst({ where: { externalId: mid }, include: { conversation: { include: { contact: true } } } }),
    { what: "the message" },
  );
  return { psid, name, mid, inbound, conversation: inbound.conversation, contact: inbound.conversation.contact };
}

/** Moves the customer's last action `hours` back, for the simulated Meta and the inbox alike. */
export async function customerWroteHoursAgo({ conversationId, psid, hours }: { conversationId: string; psid: string; hours: number }) {
  const past = new Date(Date.now() - hours * 60 * 60 * 1000);
  await db.simulatorMessage.updateMany({ where: { customerWaId: psid, direction: "INBOUND" }, data: { createdAt: past } });
  await db.conversation.update({ where: { id: conversationId }, data: { lastInboundAt: past } });
}

/** An outbound message the Page sent (as the send job leaves it), `secondsAgo` seconds ago. */
export async function pageSent({
  conversationId,
  channelId,
  secondsAgo,
}: {
  conversationId: string;
  channelId: string;
  secondsAgo: number;
}) {
  const at = new Date(Date.now() - secondsAgo * 1000);
  return db.message.create({
    data: {
      id: randomUUID(),
      channelId,
      conversationId,
      direction: "OUTBOUND",
      type: "text",
      text: `Sent ${secondsAgo}s ago`,
      content: { text: { body: "x" }, messaging: { type: "RESPONSE" } },
      status: "SENT",
      externalId: `m_test-${uniqueTag()}`,
      timestamp: at,
      createdAt: at,
      sentAt: at,
    },
  });
}

export async function threadOf(agent: Session, conversationId: string): Promise<MessageDto[]> {
  const response = await agent.fetch(`/api/conversations/${conversationId}/messages`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: MessageDto[] }).items;
}

export async function mediaStored(messageId: string) {
  return eventually(
    async () => {
      const media = await db.media.findUnique({ where: { messageId } });
      return media && media.state !== "PENDING" ? media : null;
    },
    { what: `the file of message ${messageId}` },
  );
}

/** Meta's attachment CDN for the tests: serves `bytes` as `type` at a path of its own. */
export async function fileServer(
  files: Record<string, { type: string; bytes: Uint8Array }>,
): Promise<{ url: (name: string) => string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const file = files[(request.url ?? "/").slice(1)];
    if (!file) return void response.writeHead(404).end();
    response.writeHead(200, { "content-type": file.type, "content-length": String(file.bytes.byteLength) }).end(Buffer.from(file.bytes));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: (name) => `http://127.0.0.1:${port}/${name}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
