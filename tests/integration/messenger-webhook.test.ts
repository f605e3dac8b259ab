import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { signBody } from "@/lib/whatsapp/signature";
import { baseUrl, signIn, type Session } from "../support/http";
import { eventually, uniqueTag } from "./factories";
import {
  deliverPage,
  events,
  fileServer,
  mediaStored,
  newPsid,
  pageChannel,
  pageFixture,
  pageSent,
  postPageWebhook,
  threadOf,
} from "./messenger-support";

// POST /api/webhooks/messenger with every event Meta's Messenger Platform reference prints
// (tests/fixtures/messenger), each stored and shown in the thread through the JSON API, and the
// checks in front of it: the Page app's signature (never WhatsApp's), the handshake, the answers.

let agent: Session;
let files: Awaited<ReturnType<typeof fileServer>>;
// A 1×1 PNG, and a few bytes standing in for other files.
const png = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64"),
);

beforeAll(async () => {
  agent = await signIn("agent@example.com");
  files = await fileServer({
    "photo.png": { type: "image/png", bytes: png },
    "clip.mp4": { type: "video/mp4", bytes: new Uint8Array([0, 0, 0, 24, 102, 116, 121, 112]) },
    "voice.mp3": { type: "audio/mpeg", bytes: new Uint8Array([73, 68, 51, 3]) },
    "order.pdf": { type: "application/pdf", bytes: new TextEncoder().encode("%PDF-1.4 test") },
    "page.html": { type: "text/html", bytes: new TextEncoder().encode("<script>alert(1)</script>") },
  });
});
afterAll(async () => {
  await files.close();
  await disconnectDb();
});

const now = () => Date.now();

/** A fixture whose events all happen now (Meta's examples are from 2016). */
function fresh(name: string, options: Parameters<typeof pageFixture>[1]) {
  const body = pageFixture(name, options);
  for (const event of events(body)) if (typeof event.timestamp === "number") event.timestamp = now() - 1_000;
  return body;
}

async function conversationOf(psid: string) {
  return eventually(() => db.conversation.findFirst({ where: { contact: { psid } }, include: { contact: true } }), {
    what: `a conversation with ${psid}`,
  });
}

describe("GET /api/webhooks/messenger — the Page subscription's handshake", () => {
  const handshake = (token: string) =>
    fetch(
      `${baseUrl()}/api/webhooks/messenger?${new URLSearchParams({ "hub.mode": "subscribe", "hub.verify_token": token, "hub.challenge": "c-42" })}`,
    );

  it("answers the challenge to the Page's verify token", async () => {
    const response = await handshake(inject("pageVerifyToken"));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("c-42");
  });

  it("refuses WhatsApp's verify token with 403", async () => {
    expect((await handshake(inject("verifyToken"))).status).toBe(403);
  });
});

describe("POST /api/webhooks/messenger — what is refused", () => {
  it("refuses a Page body signed with the WhatsApp app secret (401) and stores nothing", async () => {
    const psid = newPsid();
    const body = fresh("message-text-quick-reply.json", { psid });
    const response = await postPageWebhook(body, { secret: inject("appSecret") });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "INVALID_SIGNATURE" } });
    expect(await db.contact.count({ where: { psid } })).toBe(0);
    const [logged] = await db.$queryRaw<
      { count: bigint }[]
    >`SELECT count(*) AS count FROM "WebhookEvent" WHERE payload::text LIKE ${`%${psid}%`}`;
    expect(Number(logged!.count)).toBe(0);
  });

  it("refuses a missing signature and a body changed after signing (401)", async () => {
    const body = fresh("message-text-quick-reply.json", { psid: newPsid() });
    expect((await postPageWebhook(body, { signature: null })).status).toBe(401);
    const signed = JSON.stringify(body);
    const tampered = signed.replace("hello, world!", "refund me");
    expect((await postPageWebhook(null, { raw: tampered, signature: signBody(signed, inject("pageAppSecret")) })).status).toBe(401);
  });

  it("answers signed malformed JSON with 400, a body that is not a Page's with 400, and one over 3 MB with 413", async () => {
    expect((await postPageWebhook(null, { raw: '{"object":"page","entry":[' })).status).toBe(400);
    const notPage = { object: "whatsapp_business_account", entry: [{ id: inject("pageId"), time: now() }] };
    expect((await postPageWebhook(notPage)).status).toBe(400);
    const huge = { object: "page", entry: [{ id: inject("pageId"), time: now(), messaging: [] }], padding: "x".repeat(3 * 1024 * 1024) };
    expect((await postPageWebhook(huge)).status).toBe(413);
  });
});

describe("POST /api/webhooks/messenger — every event, stored and shown", () => {
  it("stores a text with a quick reply's payload as a new conversation, once however often Meta delivers it", async () => {
    const psid = newPsid();
    const body = fresh("message-text-quick-reply.json", { psid });
    const outcome = await deliverPage(body);
    expect(outcome.state).toBe("PROCESSED");
    await deliverPage(body);
    const conversation = await conversationOf(psid);
    expect(conversation.contact).toMatchObject({ psid, waId: null });
    const thread = await threadOf(agent, conversation.id);
    expect(thread).toHaveLength(1);
    expect(thread[0]).toMatchObject({ direction: "INBOUND", type: "text", text: "hello, world!" });
    expect(thread[0]!.content).toMatchObject({ quickReply: { payload: "<DEVELOPER_DEFINED_PAYLOAD>" } });
    const listed = await (await agent.fetch(`/api/conversations/${conversation.id}`)).json();
    expect(listed).toMatchObject({
      channel: { kind: "messenger" },
      messengerWindow: { state: "open" },
      contact: { displayName: expect.any(String) },
    });
  });

  it("keeps reply_to as the quoted message", async () => {
    const psid = newPsid();
    const first = fresh("message-text-quick-reply.json", { psid });
    await deliverPage(first);
    const quotedMid = (events(first)[0]!.message as { mid: string }).mid;
    const reply = fresh("message-reply-to.json", { psid });
    (events(reply)[0]!.message as { reply_to: { mid: string } }).reply_to.mid = quotedMid;
    await deliverPage(reply);
    const thread = await threadOf(agent, (await conversationOf(psid)).id);
    expect(thread.at(-1)!.quoted).toMatchObject({ externalId: quotedMid, found: true, text: "hello, world!" });
  });

  it.each([
    ["message-attachment-image.json", "photo.png", "image", "image/png"],
    ["message-attachment-video.json", "clip.mp4", "video", "video/mp4"],
    ["message-attachment-audio.json", "voice.mp3", "audio", "audio/mpeg"],
    ["message-attachment-file.json", "order.pdf", "document", "application/pdf"],
    ["message-attachment-reel.json", "clip.mp4", "video", "video/mp4"],
    ["message-attachment-ig-reel.json", "clip.mp4", "video", "video/mp4"],
  ])("fetches the file of %s into storage before its address expires", async (name, file, type, mimeType) => {
    const psid = newPsid();
    await deliverPage(fresh(name, { psid, replace: { "<ATTACHMENT_URL>": files.url(file) } }));
    const [message] = await threadOf(agent, (await conversationOf(psid)).id);
    expect(message).toMatchObject({ type, direction: "INBOUND" });
    const media = await mediaStored(message!.id);
    expect(media).toMatchObject({ state: "STORED", mimeType });
    const served = await agent.fetch(`/api/media/${media.id}`);
    expect(served.status).toBe(200);
    expect(new Uint8Array(await served.arrayBuffer()).byteLength).toBe(media.size);
    if (name.includes("reel")) expect(message!.content).toMatchObject({ reel: { type: name.includes("ig") ? "ig_reel" : "reel" } });
  });

  it("stores a sticker as an image-like sticker with its id, and refuses to store a page of HTML as a file", async () => {
    const psid = newPsid();
    await deliverPage(fresh("message-attachment-sticker.json", { psid, replace: { "<STICKER_URL>": files.url("photo.png") } }));
    const [sticker] = await threadOf(agent, (await conversationOf(psid)).id);
    expect(sticker).toMatchObject({ type: "sticker" });
    expect(sticker!.content).toMatchObject({ sticker: { sticker_id: 369239263222822 } });
    expect(await mediaStored(sticker!.id)).toMatchObject({ state: "STORED" });

    const other = newPsid();
    await deliverPage(fresh("message-attachment-file.json", { psid: other, replace: { "<ATTACHMENT_URL>": files.url("page.html") } }));
    const [html] = await threadOf(agent, (await conversationOf(other)).id);
    const media = await mediaStored(html!.id);
    expect(media.state).toBe("FAILED");
    expect(media.error).toMatch(/not accepted/);
  });

  it.each([
    ["message-attachment-fallback.json", "fallback", "<TITLE_OF_THE_URL_ATTACHMENT>"],
    ["message-attachment-post.json", "post", "<TITLE_OF_THE_POST>"],
  ])("keeps a link share (%s) with its title and address", async (name, kind, title) => {
    const psid = newPsid();
    await deliverPage(fresh(name, { psid, replace: { "<ATTACHMENT_URL>": "https://northwind.example/oak" } }));
    const [message] = await threadOf(agent, (await conversationOf(psid)).id);
    expect(message).toMatchObject({ type: "link", text: title, media: null });
    expect(message!.content).toMatchObject({ link: { kind, url: "https://northwind.example/oak", title } });
  });

  it("stores a postback as the button tapped, with its payload and the referral that came with it", async () => {
    const psid = newPsid();
    await deliverPage(fresh("postback.json", { psid }));
    const conversation = await conversationOf(psid);
    const [tap] = await threadOf(agent, conversation.id);
    expect(tap).toMatchObject({ type: "postback", text: "TITLE-FOR-THE-CTA" });
    expect(tap!.content).toMatchObject({ postback: { title: "TITLE-FOR-THE-CTA", payload: "USER-DEFINED-PAYLOAD" } });
    expect(conversation.referral).toMatchObject({ ref: "USER-DEFINED-REFERRAL-PARAM", platform: "messenger" });
  });

  it.each([
    ["referral-shortlink.json", "m.me link", /m\.me link \(ref <REF_DATA_PASSED_IN_M\.ME_PARAM>\)/],
    ["referral-ad.json", "ad", /from an ad/],
  ])("records an arrival from %s with its ref on the conversation", async (name, sourceType, text) => {
    const psid = newPsid();
    await deliverPage(fresh(name, { psid }));
    const conversation = await conversationOf(psid);
    const [arrival] = await threadOf(agent, conversation.id);
    expect(arrival).toMatchObject({ type: "referral" });
    expect(arrival!.text).toMatch(text);
    const dto = await (await agent.fetch(`/api/conversations/${conversation.id}`)).json();
    expect(dto.referral).toMatchObject({ sourceType });
    if (sourceType === "ad") expect(dto.referral).toMatchObject({ headline: "<TITLE_OF_THE_AD>" });
  });

  it("applies a reaction to the message it names, and removes it on unreact", async () => {
    const psid = newPsid();
    const first = fresh("message-text-quick-reply.json", { psid });
    await deliverPage(first);
    const mid = (events(first)[0]!.message as { mid: string }).mid;
    const react = fresh("reaction-react.json", { psid, replace: { "<MID_OF_ReactedTo_Message>": mid } });
    await deliverPage(react);
    const conversationId = (await conversationOf(psid)).id;
    expect((await threadOf(agent, conversationId))[0]!.reactions).toEqual([expect.objectContaining({ by: "customer", emoji: "❤️" })]);
    const unreact = fresh("reaction-unreact.json", { psid, replace: { "<MID_OF_ReactedTo_Message>": mid } });
    events(unreact)[0]!.timestamp = now();
    await deliverPage(unreact);
    expect((await threadOf(agent, conversationId))[0]!.reactions).toEqual([]);
  });

  it("shows an echo of a reply made in another tool once, as the business's, and not again on a second echo", async () => {
    const psid = newPsid();
    await deliverPage(fresh("message-text-quick-reply.json", { psid }));
    const echo = fresh("echo-text.json", { psid });
    await deliverPage(echo);
    await deliverPage(echo);
    const thread = await threadOf(agent, (await conversationOf(psid)).id);
    const replies = thread.filter((message) => message.direction === "OUTBOUND");
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ type: "text", text: "hello, world!", sender: null, status: "SENT" });
    expect(replies[0]!.content).toMatchObject({ sentFrom: "app:1517776481860111" });
  });

  it("shows echoed images and the Page inbox's template echo on the standby channel", async () => {
    const psid = newPsid();
    await deliverPage(fresh("message-text-quick-reply.json", { psid }));
    await deliverPage(fresh("echo-image.json", { psid, replace: { "<IMAGE_URL>": files.url("photo.png") } }));
    await deliverPage(fresh("echo-standby-template.json", { psid, replace: { "<APP_ID>": "26390203743090" } }));
    const replies = (await threadOf(agent, (await conversationOf(psid)).id)).filter((message) => message.direction === "OUTBOUND");
    expect(replies.map((reply) => reply.type)).toEqual(["image", "link"]);
    expect(await mediaStored(replies[0]!.id)).toMatchObject({ state: "STORED" });
    expect(replies[1]!.content).toMatchObject({ sentFrom: "page_inbox", link: { kind: "template" } });
  });

  it("records the handover protocol's events and a standby message as activity lines", async () => {
    const psid = newPsid();
    await deliverPage(fresh("message-text-quick-reply.json", { psid }));
    for (const name of [
      "handover-pass-thread-control.json",
      "handover-take-thread-control.json",
      "handover-request-thread-control.json",
      "standby-message.json",
    ]) {
      const body = fresh(name, { psid });
      events(body)[0]!.timestamp = now() + Math.floor(Math.random() * 1000);
      expect((await deliverPage(body)).state).toBe("PROCESSED");
    }
    const activities = (await threadOf(agent, (await conversationOf(psid)).id)).filter((message) => message.type === "activity");
    expect(activities.map((activity) => activity.activity)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "handoverPassed" }),
        expect.objectContaining({ kind: "handoverTaken" }),
        expect.objectContaining({ kind: "handoverRequested" }),
        { kind: "standbyMessage", params: { text: "hello, world!", attachment: null } },
      ]),
    );
  });

  it("applies Meta's delivery (mids and watermark) and read examples to the Page's messages", async () => {
    const psid = newPsid();
    await deliverPage(fresh("message-text-quick-reply.json", { psid }));
    const conversation = await conversationOf(psid);
    const channel = await pageChannel();
    const older = await pageSent({ conversationId: conversation.id, channelId: channel.id, secondsAgo: 60 });
    const named = await pageSent({ conversationId: conversation.id, channelId: channel.id, secondsAgo: 5 });
    const delivery = fresh("delivery.json", { psid });
    const watermark = now() - 30_000;
    (events(delivery)[0]!.delivery as { mids: string[]; watermark: number }).mids = [named.externalId!];
    (events(delivery)[0]!.delivery as { watermark: number }).watermark = watermark;
    await deliverPage(delivery);
    const afterDelivery = await db.message.findMany({ where: { id: { in: [older.id, named.id] } }, orderBy: { createdAt: "asc" } });
    expect(afterDelivery.map((message) => message.status)).toEqual(["DELIVERED", "DELIVERED"]);
    expect(afterDelivery[0]!.deliveredAt!.getTime()).toBe(watermark);

    const read = fresh("read.json", { psid });
    (events(read)[0]!.read as { watermark: number }).watermark = now();
    await deliverPage(read);
    const thread = await threadOf(agent, conversation.id);
    expect(thread.filter((message) => message.direction === "OUTBOUND").map((message) => message.status)).toEqual(["READ", "READ"]);
  });

  it("names an event for a Page no channel owns on the logged body, and stores its siblings", async () => {
    const psid = newPsid();
    const body = fresh("message-text-quick-reply.json", { psid });
    const stranger = structuredClone(body.entry[0]!);
    stranger.id = "499999999999999";
    (stranger.messaging![0]!.recipient as { id: string }).id = "499999999999999";
    (stranger.messaging![0]!.message as { mid: string }).mid = `m_stranger-${uniqueTag()}`;
    body.entry.push(stranger);
    const outcome = await deliverPage(body);
    expect(outcome.state).toBe("FAILED");
    expect(outcome.problems).toMatch(/no channel owns Page 499999999999999/);
    expect(await db.message.count({ where: { conversation: { contact: { psid } } } })).toBe(1);
  });
});
