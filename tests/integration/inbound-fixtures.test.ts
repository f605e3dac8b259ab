import { readdirSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { io } from "socket.io-client";
import { beforeAll, describe, expect, it } from "vitest";
import { MessageContent } from "@/components/inbox/message-content";
import { noticeText } from "@/components/inbox/message/notices";
import { ReactionsRow } from "@/components/inbox/message/reactions-row";
import { ReferralCard } from "@/components/inbox/message/referral-card";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import type { ConversationDto, MessageDto } from "@/lib/conversations/types";
import { baseUrl, fixture, signIn, type Session } from "../support/http";
import { english, renderIntl } from "../support/intl";
import { deliver, eventually, outboundMessage, uniqueTag, uniqueWaId } from "./factories";

// Every inbound fixture Meta's documentation and SDKs give us (tests/fixtures/whatsapp/wa-inbound-*),
// posted signed to the webhook: what was stored, and how the thread reads it. Media ids in the
// fixtures are unknown to the simulator's Graph API, so their downloads end FAILED with a reason.

const fixturesDir = path.resolve(import.meta.dirname, "../fixtures/whatsapp");
const inboundFixtures = readdirSync(fixturesDir)
  .filter((name) => name.startsWith("wa-inbound-"))
  .sort();

type Meta = { id: string; from: string; type: string; [key: string]: unknown };
type Body = {
  entry: {
    changes: { value: { contacts?: { wa_id: string; user_id?: string; profile: Record<string, string> }[]; messages: Meta[] } }[];
  }[];
};

let agent: Session;
beforeAll(async () => {
  agent = await signIn("agent@example.com");
});

const valueOf = (body: Body) => body.entry[0].changes[0].value;
const firstMessage = (body: Body) => valueOf(body).messages[0];
const html = (message: MessageDto) => renderIntl(createElement(MessageContent, { message }));
const visible = (markup: string) =>
  markup
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ")
    .trim();

/** A plain text from the same customer as `tag`'s fixtures (same number and user id). */
async function customerText(tag: string, { wamid, text }: { wamid: string; text: string }) {
  const body = fixture("wa-inbound-text.json", { unique: tag }) as unknown as Body;
  Object.assign(firstMessage(body), { id: wamid, text: { body: text } });
  expect((await deliver(body)).state).toBe("PROCESSED");
  return db.message.findFirstOrThrow({ where: { externalId: wamid }, include: { conversation: true } });
}

/** The message as the thread API serves it to an agent. */
async function messageDto(conversationId: string, externalId: string): Promise<MessageDto> {
  const response = await agent.fetch(`/api/conversations/${conversationId}/messages?limit=200`);
  expect(response.status).toBe(200);
  const { items } = (await response.json()) as { items: MessageDto[] };
  const found = items.find((item) => item.externalId === externalId);
  expect(found, `message ${externalId} in the thread`).toBeDefined();
  return found!;
}

async function conversationDto(conversationId: string): Promise<ConversationDto> {
  const response = await agent.fetch(`/api/conversations/${conversationId}`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as ConversationDto | { conversation: ConversationDto };
  return "conversation" in body ? body.conversation : body;
}

/** Posts the fixture, then returns the stored row, its DTO and its markup. */
async function ingest(body: Body) {
  expect((await deliver(body)).state).toBe("PROCESSED");
  const meta = firstMessage(body);
  const row = await db.message.findFirstOrThrow({
    where: { externalId: meta.id },
    include: { media: true, conversation: { include: { contact: true } } },
  });
  const dto = await messageDto(row.conversationId, meta.id);
  return { meta, row, dto, markup: html(dto), text: visible(html(dto)) };
}

/** Media fixtures: a PENDING row with Meta's id, then FAILED with the 131052 sentence (unknown id). */
async function expectMediaFetchFailure({ body, mimeType, fileName = null }: { body: Body; mimeType: string; fileName?: string | null }) {
  const { meta, row, dto: first, markup } = await ingest(body);
  const part = meta[meta.type] as { id: string; sha256: string };
  expect(row.media).toMatchObject({ metaMediaId: part.id, mimeType, sha256: part.sha256, fileName });
  expect(["PENDING", "FAILED"]).toContain(row.media!.state);
  if (first.media?.state === "PENDING") expect(markup).toContain('data-testid="media-pending"');
  const failed = await eventually(async () => (await db.media.findFirst({ where: { id: row.media!.id, state: "FAILED" } })) ?? null, {
    what: "the download to fail",
  });
  expect(failed.error).toMatch(/^The customer's file could not be downloaded from WhatsApp\. /);
  const dto = await messageDto(row.conversationId, meta.id);
  expect(dto.media).toMatchObject({ id: row.media!.id, state: "FAILED", error: failed.error });
  expect(visible(html(dto))).toContain(failed.error!);
  return { row, dto };
}

/** Reactions: the business message they point at, in the customer's conversation. */
async function reactionTarget(tag: string, body: Body, reactions?: unknown) {
  const { conversation, channelId } = await customerText(tag, { wamid: `wamid.before-reaction-${tag}`, text: "Is the desk in stock?" });
  const targetId = (firstMessage(body).reaction as { message_id: string }).message_id;
  const target = await outboundMessage({ conversationId: conversation.id, channelId, externalId: targetId });
  if (reactions) await db.message.update({ where: { id: target.id }, data: { reactions: reactions as object } });
  return target;
}

async function expectReactionApplied(body: Body, emoji: string | null) {
  expect((await deliver(body)).state).toBe("PROCESSED");
  const meta = firstMessage(body);
  expect(await db.message.count({ where: { externalId: meta.id } }), "a reaction is not a bubble of its own").toBe(0);
  const targetId = (meta.reaction as { message_id: string }).message_id;
  const target = await db.message.findFirstOrThrow({ where: { externalId: targetId } });
  const dto = await messageDto(target.conversationId, targetId);
  if (emoji) {
    expect(dto.reactions).toEqual([{ by: "customer", emoji, at: new Date(Number(meta.timestamp) * 1000).toISOString() }]);
    expect(renderIntl(createElement(ReactionsRow, { reactions: dto.reactions, outbound: true }))).toContain(emoji);
  } else {
    expect(dto.reactions).toEqual([]);
  }
}

const checks: Record<string, (body: Body, tag: string) => Promise<void>> = {
  "wa-inbound-text.json": async (body) => {
    valueOf(body).contacts![0].profile.username = "test.name";
    const { row, dto, markup } = await ingest(body);
    expect(row).toMatchObject({ type: "text", text: "Body Text", direction: "INBOUND", status: "RECEIVED" });
    expect(row.conversation.contact).toMatchObject({ name: "Test Name", username: "test.name", waId: firstMessage(body).from });
    expect(row.conversation.contact.bsuid).toBe(valueOf(body).contacts![0].user_id);
    expect(dto).toMatchObject({ forwarded: false, quoted: null, media: null, reactions: [] });
    expect(markup).toContain(">Body Text</p>");
  },
  "wa-inbound-text-forwarded.json": async (body) => {
    const { row, text } = await ingest(body);
    expect(row).toMatchObject({ type: "text", text: "forwarded text", forwarded: true });
    expect(text).toBe("↪ Forwarded forwarded text");
  },
  "wa-inbound-text-frequently-forwarded.json": async (body) => {
    const { row, dto, text } = await ingest(body);
    expect(row.forwarded).toBe(true);
    expect(dto.frequentlyForwarded).toBe(true);
    expect(text).toContain("Forwarded many times text forwarded many times");
  },
  "wa-inbound-text-reply-context.json": async (body, tag) => {
    const { conversation, channelId } = await customerText(tag, { wamid: `wamid.first-${tag}`, text: "Hello" });
    const quotedId = (firstMessage(body).context as { id: string }).id;
    await outboundMessage({ conversationId: conversation.id, channelId, externalId: quotedId });
    const { row, dto, text } = await ingest(body);
    expect(row).toMatchObject({ contextExternalId: quotedId, conversationId: conversation.id });
    expect(dto.quoted).toEqual({
      externalId: quotedId,
      found: true,
      type: "text",
      text: "A reply from the business",
      direction: "OUTBOUND",
    });
    expect(text).toBe("You A reply from the business replied text");
  },
  "wa-inbound-referral-ctwa.json": async (body) => {
    const { row, text } = await ingest(body);
    expect(row.conversation.referral).toMatchObject({
      headline: "AD_TITLE",
      body: "AD_DESCRIPTION",
      source_id: "ADID",
      ctwa_clid: "CTWA_CLID",
    });
    expect(row.conversation.referralAt).toEqual(new Date(Number(firstMessage(body).timestamp) * 1000));
    expect(text).toContain("Via ad: AD_TITLE BODY");
    const conversation = await conversationDto(row.conversationId);
    expect(conversation.referral).toMatchObject({ headline: "AD_TITLE", body: "AD_DESCRIPTION", sourceUrl: "AD_OR_POST_FB_URL" });
    const card = visible(renderIntl(createElement(ReferralCard, { referral: conversation.referral! })));
    expect(card).toContain("Came from an ad: AD_TITLE AD_DESCRIPTION Source: AD_OR_POST_FB_URL");
  },
  "wa-inbound-image.json": async (body) => {
    await expectMediaFetchFailure({ body, mimeType: "image/jpeg" });
  },
  "wa-inbound-image-with-url.json": async (body) => {
    const { row } = await expectMediaFetchFailure({ body, mimeType: "image/jpeg" });
    expect(row.type).toBe("image");
  },
  "wa-inbound-video-forwarded.json": async (body) => {
    const { row, dto } = await expectMediaFetchFailure({ body, mimeType: "video/mp4" });
    expect(row).toMatchObject({ type: "video", text: "caption", forwarded: true });
    expect(visible(html(dto))).toMatch(/^↪ Forwarded Video not available\. .* caption$/);
  },
  "wa-inbound-audio.json": async (body) => {
    const { row } = await expectMediaFetchFailure({ body, mimeType: "audio/ogg; codecs=opus" });
    expect(row).toMatchObject({ type: "audio", forwarded: true });
  },
  "wa-inbound-audio-voice.json": async (body) => {
    const { dto } = await expectMediaFetchFailure({ body, mimeType: "audio/ogg; codecs=opus" });
    expect(visible(html(dto))).toMatch(/^Voice message not available\./);
  },
  "wa-inbound-document.json": async (body) => {
    const { row, dto } = await expectMediaFetchFailure({ body, mimeType: "application/pdf", fileName: "filename.pdf" });
    expect(row.text).toBe("caption");
    expect(visible(html(dto))).toMatch(/filename\.pdf .*Document not available\./);
  },
  "wa-inbound-sticker.json": async (body) => {
    await expectMediaFetchFailure({ body, mimeType: "image/webp" });
  },
  "wa-inbound-sticker-animated.json": async (body) => {
    const { row } = await expectMediaFetchFailure({ body, mimeType: "image/webp" });
    expect(row.content).toMatchObject({ sticker: { animated: true } });
  },
  "wa-inbound-location-named.json": async (body) => {
    const { row, markup, text } = await ingest(body);
    expect(row).toMatchObject({ type: "location", text: "Facebook HQ, 1 Hacker Way, Menlo Park, CA 94025" });
    expect(text).toContain("Facebook HQ 1 Hacker Way, Menlo Park, CA 94025");
    expect(markup).toContain('href="https://www.openstreetmap.org/?mlat=37.4611978&amp;mlon=-122.2164385');
  },
  "wa-inbound-location-current.json": async (body) => {
    const { row, markup, text } = await ingest(body);
    expect(row).toMatchObject({ type: "location", text: null });
    expect(text).toContain("Shared location 12.25089, 43.90539 Open map");
    expect(markup).toContain("https://www.openstreetmap.org/?mlat=12.25089&amp;mlon=43.90539");
  },
  "wa-inbound-contacts.json": async (body) => {
    const { row, text } = await ingest(body);
    expect(row).toMatchObject({ type: "contacts", text: "Chandler Bing, Monica, Rachel Green" });
    expect(text).toContain("Chandler Bing +1 555-555-5555 cell");
    expect(text).toContain("Monica +1 666-666-6666 home");
  },
  "wa-inbound-interactive-button-reply.json": async (body) => {
    const { row, text } = await ingest(body);
    expect(row).toMatchObject({ type: "interactive", text: "title" });
    expect(text).toContain("Tapped a button title");
  },
  "wa-inbound-interactive-list-reply.json": async (body) => {
    const { row, text } = await ingest(body);
    expect(row).toMatchObject({ type: "interactive", text: "title" });
    expect(text).toContain("Chose from the list title");
  },
  "wa-inbound-interactive-list-reply-description.json": async (body) => {
    const { text } = await ingest(body);
    expect(text).toContain("Chose from the list title description");
  },
  "wa-inbound-interactive-nfm-reply-flow.json": async (body) => {
    const { row, dto, markup, text } = await ingest(body);
    expect(row.type).toBe("interactive");
    expect(row.text).toBe("Comment text: Comment Text\nDelivery rating: 4\nPurchase rating: 2\nRecommend radio: 0\nCs rating: 0");
    expect(dto.quoted).toMatchObject({ found: false });
    expect(text).toContain("Original message not available");
    expect(text).toContain("Form submitted Comment text Comment Text Delivery rating 4 Purchase rating 2 Recommend radio 0 Cs rating 0");
    expect(markup).not.toContain("flow_token");
    expect(text).not.toContain("{");
  },
  "wa-inbound-interactive-nfm-reply-flow-no-token.json": async (body) => {
    const { text } = await ingest(body);
    expect(text).toContain("Form submitted Comment text Comment Text Delivery rating 4");
  },
  "wa-inbound-button-template-quick-reply.json": async (body) => {
    const { row, text } = await ingest(body);
    expect(row).toMatchObject({ type: "button", text: "title", contextExternalId: (firstMessage(body).context as { id: string }).id });
    expect(text).toContain("Tapped a template button title Payload: callback_data");
  },
  "wa-inbound-button-template-quick-reply-no-context-bsuid.json": async (body) => {
    const { row, text } = await ingest(body);
    expect(row.conversation.contact.bsuid).toBe(firstMessage(body).from_user_id);
    expect(row.contextExternalId).toBeNull();
    expect(text).toBe("Tapped a template button title Payload: callback_data");
  },
  "wa-inbound-order.json": async (body) => {
    const { row, text } = await ingest(body);
    expect(row).toMatchObject({ type: "order", text: null });
    expect(row.conversation.lastMessagePreview).toBe("Order: 7 items");
    expect(text).toContain("HAMBURGER 3 × ₪30.00 ₪90.00");
    expect(text).toContain("FRENCH_FRIES 2 × ₪35.00 ₪70.00");
    expect(text).toContain("Total ₪180.00");
  },
  "wa-inbound-reaction.json": async (body, tag) => {
    await reactionTarget(tag, body);
    await expectReactionApplied(body, "😮");
  },
  "wa-inbound-reaction-removed-empty-emoji.json": async (body, tag) => {
    await reactionTarget(tag, body, [{ by: "customer", emoji: "👍", at: "2023-10-01T00:00:00.000Z" }]);
    await expectReactionApplied(body, null);
  },
  "wa-inbound-reaction-removed-no-emoji.json": async (body, tag) => {
    await reactionTarget(tag, body, [{ by: "customer", emoji: "👍", at: "2023-10-01T00:00:00.000Z" }]);
    await expectReactionApplied(body, null);
  },
  "wa-inbound-edit-image-UNVERIFIED.json": async (body, tag) => {
    const edit = firstMessage(body).edit as { original_message_id: string };
    const original = await customerText(tag, { wamid: edit.original_message_id, text: "Old caption" });
    expect((await deliver(body)).state).toBe("PROCESSED");
    expect(await db.message.count({ where: { externalId: firstMessage(body).id } })).toBe(0);
    const dto = await messageDto(original.conversationId, edit.original_message_id);
    expect(dto).toMatchObject({ text: "Updated image caption", edited: true });
    expect(visible(html(dto))).toBe("Updated image caption Edited");
  },
  "wa-inbound-revoke-UNVERIFIED.json": async (body, tag) => {
    const original = await customerText(tag, { wamid: `wamid.to-delete-${tag}`, text: "My card number is 1234" });
    Object.assign(firstMessage(body), {
      id: `wamid.revoke-${tag}`,
      from: valueOf(body).contacts![0].wa_id,
      revoke: { original_message_id: original.externalId },
    });
    expect((await deliver(body)).state).toBe("PROCESSED");
    const dto = await messageDto(original.conversationId, original.externalId!);
    expect(dto).toMatchObject({ deleted: true, text: null });
    expect(visible(html(dto))).toBe("🚫 This message was deleted");
    expect(JSON.stringify(dto)).not.toContain("1234");
  },
  "wa-inbound-system-user-changed-number.json": async (body, tag) => {
    const before = await customerText(tag, { wamid: `wamid.old-number-${tag}`, text: "Writing from my old phone" });
    const contactId = before.conversation.contactId;
    const { row, dto } = await ingest(body);
    const newNumber = (firstMessage(body).system as { wa_id: string }).wa_id;
    expect(row.conversation.contact).toMatchObject({ id: contactId, waId: newNumber });
    expect(row.conversationId).toBe(before.conversationId);
    expect(row).toMatchObject({ type: "system" });
    expect(noticeText(dto, english)).toBe(`The customer changed their number to +${newNumber}. The conversation continues here.`);
  },
  "wa-inbound-system-customer-identity-changed.json": async (body) => {
    const { row, dto } = await ingest(body);
    expect(row).toMatchObject({ type: "system", text: "User identity changed" });
    expect(row.conversation.unreadCount).toBe(0);
    expect(noticeText(dto, english)).toContain("security code changed");
  },
  "wa-inbound-unsupported-131051.json": async (body) => {
    const { row, text } = await ingest(body);
    expect(row).toMatchObject({
      type: "unsupported",
      errorCode: 131051,
      errorTitle: "Message type unknown",
      errorDetails: "Message type is currently not supported.",
    });
    expect(text).toContain(
      "This message can't be shown WhatsApp does not support this message type. Message type is currently not supported. (error 131051)",
    );
  },
  "wa-inbound-unsupported-with-subtype.json": async (body) => {
    const { text } = await ingest(body);
    expect(text).toContain("This message can't be shown (pool)");
  },
  "wa-inbound-value-errors-131000.json": async (body) => {
    const { row, text } = await ingest(body);
    expect(row).toMatchObject({
      type: "interactive",
      errorCode: 131000,
      errorTitle: "Something went wrong",
      errorDetails: "Unsupported webhook payload",
    });
    expect(text).toContain("This message can't be shown Something went wrong Unsupported webhook payload (error 131000)");
  },
};

describe("inbound fixtures", () => {
  it("has a check for every wa-inbound-* fixture", () => {
    expect(inboundFixtures.length).toBeGreaterThan(30);
    expect(Object.keys(checks).sort()).toEqual(inboundFixtures);
  });

  it.each(inboundFixtures)("%s is stored and reads well", async (name) => {
    const tag = uniqueTag();
    await checks[name](fixture(name, { unique: tag }) as unknown as Body, tag);
  });

  it("keeps a reaction to a message the inbox never had as a row, so nothing is lost", async () => {
    const tag = uniqueTag();
    const body = fixture("wa-inbound-reaction.json", { unique: tag }) as unknown as Body;
    const { row, text } = await ingest(body);
    expect(row).toMatchObject({ type: "reaction", text: "😮" });
    expect(text).toBe("Reacted 😮 to a message that isn't in this inbox.");
  });

  it("ignores a duplicate delivery", async () => {
    const tag = uniqueTag();
    const body = fixture("wa-inbound-document.json", { unique: tag }) as unknown as Body;
    await deliver(body);
    await deliver(body);
    const id = firstMessage(body).id;
    expect(await db.message.count({ where: { externalId: id } })).toBe(1);
    expect(await db.media.count({ where: { message: { externalId: id } } })).toBe(1);
  });
});

// The simulator's customer phone sends each kind the way Meta would: the file goes to the
// simulator's media store, the webhook carries its id, and the app fetches it through GET
// /{media-id} and the bearer-protected download URL.

const PIXEL_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";

async function simulatorSends(waId: string, message: Record<string, unknown>) {
  const response = await fetch(`${baseUrl()}/api/simulator/customers/${waId}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "Nora Lind", ...message }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  const result = (await response.json()) as { wamid: string; webhookStatus: number };
  expect(result.webhookStatus).toBe(200);
  return eventually(() => db.message.findFirst({ where: { externalId: result.wamid }, include: { media: true, conversation: true } }), {
    what: "the message",
  });
}

const settled = (messageId: string) =>
  eventually(async () => db.media.findFirst({ where: { messageId, state: { not: "PENDING" } } }), { what: "the download to finish" });

describe("media through the simulator", () => {
  it("stores a customer's photo and serves it only to signed-in members of the inbox", async () => {
    const waId = uniqueWaId();
    const sent = await simulatorSends(waId, {
      kind: "image",
      file: { name: "scratch.png", mimeType: "image/png", base64: PIXEL_PNG },
      caption: "The scratch",
    });
    expect(sent).toMatchObject({ type: "image", text: "The scratch" });
    const media = await settled(sent.id);
    expect(media).toMatchObject({ state: "STORED", mimeType: "image/png", size: Buffer.from(PIXEL_PNG, "base64").length, error: null });

    const response = await agent.fetch(`/api/media/${media.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("cache-control")).toMatch(/^private/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await response.arrayBuffer()).toString("base64")).toBe(PIXEL_PNG);

    const anonymous = await fetch(`${baseUrl()}/api/media/${media.id}`);
    expect(anonymous.status).toBe(401);

    const outsiderEmail = `outsider-${uniqueTag()}@example.com`;
    await db.user.create({ data: { email: outsiderEmail, name: "Outsider", passwordHash: await hashPassword("switchboard") } });
    const outsider = await signIn(outsiderEmail);
    expect((await outsider.fetch(`/api/media/${media.id}`)).status).toBe(404);

    const dto = await messageDto(sent.conversationId, sent.externalId!);
    expect(dto.media).toEqual({ id: media.id, mimeType: "image/png", fileName: null, size: media.size, state: "STORED", error: null });
    expect(html(dto)).toContain(`<img src="/api/media/${media.id}"`);
  });

  it("serves a document as an attachment under its file name", async () => {
    const text = "Invoice 4711\n";
    const sent = await simulatorSends(uniqueWaId(), {
      kind: "document",
      file: { name: "Rechnung März.txt", mimeType: "text/plain", base64: Buffer.from(text).toString("base64") },
    });
    const media = await settled(sent.id);
    expect(media).toMatchObject({ state: "STORED", fileName: "Rechnung März.txt" });
    const response = await agent.fetch(`/api/media/${media.id}`);
    expect(response.headers.get("content-type")).toBe("text/plain");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="Rechnung M_rz.txt"; filename*=UTF-8''Rechnung%20M%C3%A4rz.txt`,
    );
    expect(await response.text()).toBe(text);
  });

  it("refuses a sticker over WhatsApp's 500 KB limit and says why", async () => {
    const big = Buffer.alloc(600 * 1024, 1).toString("base64");
    const sent = await simulatorSends(uniqueWaId(), { kind: "sticker", file: { name: "huge.webp", mimeType: "image/webp", base64: big } });
    const media = await settled(sent.id);
    expect(media.state).toBe("FAILED");
    expect(media.error).toBe("The customer's file could not be downloaded from WhatsApp. It is larger than the 500 KB WhatsApp allows.");
    expect((await agent.fetch(`/api/media/${media.id}`)).status).toBe(404);
  });

  it("refuses a file whose type is not allowed", async () => {
    const sent = await simulatorSends(uniqueWaId(), {
      kind: "document",
      file: { name: "page.html", mimeType: "text/html", base64: Buffer.from("<script>alert(1)</script>").toString("base64") },
    });
    const media = await settled(sent.id);
    expect(media).toMatchObject({
      state: "FAILED",
      error: "The customer's file could not be downloaded from WhatsApp. Files of type text/html are not accepted.",
    });
  });

  it("sends a voice note, marked as one", async () => {
    const sent = await simulatorSends(uniqueWaId(), {
      kind: "voice",
      file: { name: "voice.ogg", mimeType: "audio/ogg", base64: Buffer.from("OggS fake").toString("base64") },
    });
    expect(sent.content).toMatchObject({ audio: { voice: true } });
    expect(await settled(sent.id)).toMatchObject({ state: "STORED" });
    expect(sent.conversation.lastMessagePreview).toBe("Voice message");
  });
});

describe("every other kind through the simulator", () => {
  it("arrives stored and readable", async () => {
    const waId = uniqueWaId();
    const first = await simulatorSends(waId, {
      kind: "text",
      text: "Hi, I saw your ad",
      referral: { headline: "Standing desks -20%", body: "This week only", sourceUrl: "https://fb.me/standing-desks" },
    });
    expect(first.conversation.referral).toMatchObject({ headline: "Standing desks -20%", source_type: "ad" });
    const business = await outboundMessage({ conversationId: first.conversationId, channelId: first.channelId });

    const location = await simulatorSends(waId, {
      kind: "location",
      latitude: 52.52,
      longitude: 13.405,
      placeName: "Alexanderplatz",
      address: "10178 Berlin",
    });
    expect(location).toMatchObject({ type: "location", text: "Alexanderplatz, 10178 Berlin" });

    const contacts = await simulatorSends(waId, {
      kind: "contacts",
      contacts: [{ name: "Ina Berg", phones: ["+49 30 1234567"], emails: ["ina@example.com"], org: "Berg GmbH" }],
    });
    expect(visible(html(await messageDto(contacts.conversationId, contacts.externalId!)))).toContain(
      "Ina Berg Berg GmbH +49 30 1234567 cell ina@example.com",
    );

    const button = await simulatorSends(waId, { kind: "button_reply", id: "yes", title: "Yes, deliver", replyTo: business.externalId });
    expect(button).toMatchObject({ type: "interactive", text: "Yes, deliver", contextExternalId: business.externalId });

    const list = await simulatorSends(waId, { kind: "list_reply", id: "slot-2", title: "Tuesday morning", description: "9:00–12:00" });
    expect(list.text).toBe("Tuesday morning");

    const quick = await simulatorSends(waId, { kind: "quick_reply", text: "Track my order", payload: "TRACK" });
    expect(quick).toMatchObject({ type: "button", text: "Track my order" });

    const flow = await simulatorSends(waId, {
      kind: "flow",
      response: { appointment_date: "2026-05-04", appointment_time: "10:30", party_size: 2, notes: "Window seat" },
    });
    const flowText = visible(html(await messageDto(flow.conversationId, flow.externalId!)));
    expect(flowText).toContain("Appointment date 2026-05-04 Appointment time 10:30 Party size 2 Notes Window seat");
    expect(flowText).not.toContain("simulator-flow-token");

    const order = await simulatorSends(waId, {
      kind: "order",
      text: "Gift wrap please",
      items: [
        { productId: "DESK-OAK", quantity: 1, price: 499, currency: "EUR" },
        { productId: "CHAIR", quantity: 2, price: 129.5, currency: "EUR" },
      ],
    });
    const orderText = visible(html(await messageDto(order.conversationId, order.externalId!)));
    expect(orderText).toContain("Total €758.00");
    expect(orderText).toContain("Gift wrap please");

    const reply = await simulatorSends(waId, { kind: "text", text: "About this one", replyTo: business.externalId });
    expect((await messageDto(reply.conversationId, reply.externalId!)).quoted).toMatchObject({ found: true, direction: "OUTBOUND" });

    const response = await fetch(`${baseUrl()}/api/simulator/customers/${waId}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Nora Lind", kind: "reaction", messageId: business.externalId, emoji: "❤️" }),
    });
    expect(response.status).toBe(201);
    const reacted = await eventually(async () => {
      const row = await db.message.findUniqueOrThrow({ where: { id: business.id } });
      return Array.isArray(row.reactions) && row.reactions.length ? row : null;
    });
    expect(reacted.reactions).toMatchObject([{ by: "customer", emoji: "❤️" }]);

    const thread = (await (await fetch(`${baseUrl()}/api/simulator/customers/${waId}/messages`)).json()) as { items: { text: string }[] };
    expect(thread.items.map((item) => item.text)).toEqual(
      expect.arrayContaining(["📍 Alexanderplatz", "👤 Ina Berg", "Yes, deliver", "📝 Form sent", "🛒 Order (2 products)", "Reacted ❤️"]),
    );
  });

  it("refuses a message kind it does not know", async () => {
    const response = await fetch(`${baseUrl()}/api/simulator/customers/${uniqueWaId()}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Nora", kind: "hologram" }),
    });
    expect(response.status).toBe(400);
  });
});

describe("realtime", () => {
  it("tells those in the conversation when a file is stored and when the customer reacts", async () => {
    const waId = uniqueWaId();
    const first = await simulatorSends(waId, { kind: "text", text: "Photo coming" });
    const business = await outboundMessage({ conversationId: first.conversationId, channelId: first.channelId });
    const socket = io(baseUrl(), {
      path: "/socket.io",
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
      extraHeaders: { cookie: agent.cookie },
    });
    try {
      const events: { event: string; payload: MessageDto }[] = [];
      socket.onAny((event: string, payload: MessageDto) => events.push({ event, payload }));
      await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("connect_error", reject));
      const joined = await new Promise<{ ok: boolean }>((resolve) => socket.emit("conversation.join", first.conversationId, resolve));
      expect(joined.ok).toBe(true);

      const photo = await simulatorSends(waId, { kind: "image", file: { name: "p.png", mimeType: "image/png", base64: PIXEL_PNG } });
      const stored = await eventually(async () =>
        events.find((e) => e.event === "message.updated" && e.payload.id === photo.id && e.payload.media?.state === "STORED"),
      );
      expect(stored.payload.media).toMatchObject({ mimeType: "image/png", size: Buffer.from(PIXEL_PNG, "base64").length });
      expect(events.find((e) => e.event === "message.created" && e.payload.id === photo.id)?.payload.media?.state).toBe("PENDING");

      const response = await fetch(`${baseUrl()}/api/simulator/customers/${waId}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "Nora Lind", kind: "reaction", messageId: business.externalId, emoji: "👍" }),
      });
      expect(response.status).toBe(201);
      const reacted = await eventually(async () => events.find((e) => e.event === "message.updated" && e.payload.id === business.id));
      expect(reacted.payload.reactions).toMatchObject([{ by: "customer", emoji: "👍" }]);
    } finally {
      socket.close();
    }
  });
});
