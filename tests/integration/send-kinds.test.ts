import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { ConversationDto } from "@/lib/conversations/types";
import { signIn, type Session } from "../support/http";
import { testChannel, uniqueTag } from "./factories";
import { closeWindow, customerOpens, graphPayload, png, reaches, send, sent, syncTemplatesAsAdmin, upload } from "./sending";

// Every kind of message an agent sends, through real HTTP, the send job and the simulator playing
// Meta: the Graph API receives exactly Meta's payload, and the status webhooks bring the message to
// READ with Meta's per-message pricing recorded on it and on its conversation.

const servicePricing = { pricingModel: "PMP", pricingType: "free_customer_service", pricingCategory: "service", billable: false };

let agent: Session;

beforeAll(async () => {
  agent = await signIn("agent@example.com");
  await syncTemplatesAsAdmin(await signIn("admin@example.com"));
});

describe("sending inside the customer service window", () => {
  it("text quoting the customer's message: context.message_id carries the quoted wamid", async () => {
    const { conversation, waId, inbound } = await customerOpens(agent);
    const body = `We'll deliver on Thursday ${uniqueTag()}`;
    const queued = await sent(agent, conversation.id, { text: body, replyTo: inbound.id });
    expect(queued).toMatchObject({
      type: "text",
      text: body,
      quoted: { externalId: inbound.externalId, found: true, direction: "INBOUND" },
    });

    const read = await reaches(queued.id, "READ");
    expect(read).toMatchObject({ contextExternalId: inbound.externalId, ...servicePricing });
    expect(await graphPayload(read.externalId)).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: waId,
      type: "text",
      text: { preview_url: false, body },
      context: { message_id: inbound.externalId },
      biz_opaque_callback_data: queued.id,
    });
    const after = (await (await agent.fetch(`/api/conversations/${conversation.id}`)).json()) as ConversationDto;
    expect(after.billing).toEqual({ category: "service", type: "free_customer_service", billable: false });
    expect(after.billingWindow.kind).toBe("customer_service");
  });

  it("reply buttons", async () => {
    const { conversation } = await customerOpens(agent);
    const queued = await sent(agent, conversation.id, {
      interactive: {
        type: "button",
        header: "Delivery",
        body: "Does Thursday suit you?",
        footer: "Northwind",
        buttons: [
          { id: "yes", title: "Yes" },
          { id: "other", title: "Another day" },
        ],
      },
    });
    expect(queued).toMatchObject({ type: "interactive", text: "Does Thursday suit you?" });
    const read = await reaches(queued.id, "READ");
    expect(read).toMatchObject(servicePricing);
    expect((await graphPayload(read.externalId)).interactive).toEqual({
      type: "button",
      header: { type: "text", text: "Delivery" },
      body: { text: "Does Thursday suit you?" },
      footer: { text: "Northwind" },
      action: {
        buttons: [
          { type: "reply", reply: { id: "yes", title: "Yes" } },
          { type: "reply", reply: { id: "other", title: "Another day" } },
        ],
      },
    });
  });

  it("a list", async () => {
    const { conversation } = await customerOpens(agent);
    const sections = [
      {
        title: "Wood",
        rows: [
          { id: "oak", title: "Oak", description: "Light and warm" },
          { id: "walnut", title: "Walnut" },
        ],
      },
      { title: "Paint", rows: [{ id: "white", title: "Chalk white" }] },
    ];
    const queued = await sent(agent, conversation.id, {
      interactive: { type: "list", body: "Which finish would you like?", button: "Finishes", sections },
    });
    const read = await reaches(queued.id, "READ");
    expect(read).toMatchObject(servicePricing);
    expect((await graphPayload(read.externalId)).interactive).toEqual({
      type: "list",
      body: { text: "Which finish would you like?" },
      action: { button: "Finishes", sections },
    });
  });

  it("a flow an admin configured: its Meta id, our message id as the flow token", async () => {
    const channel = await testChannel();
    const flow = await db.flow.create({
      data: { channelId: channel.id, metaId: `1${Date.now()}`, name: "Book a showroom visit", cta: "Book a visit", screen: "APPOINTMENT" },
    });
    const { conversation } = await customerOpens(agent);
    const queued = await sent(agent, conversation.id, { flow: { flowId: flow.id, data: { store: "berlin" } } });
    expect(queued).toMatchObject({ type: "interactive", text: "Book a showroom visit" });
    const read = await reaches(queued.id, "READ");
    expect((await graphPayload(read.externalId)).interactive).toEqual({
      type: "flow",
      body: { text: "Book a showroom visit" },
      action: {
        name: "flow",
        parameters: {
          flow_message_version: "3",
          flow_token: queued.id,
          flow_id: flow.metaId,
          flow_cta: "Book a visit",
          flow_action: "navigate",
          flow_action_payload: { screen: "APPOINTMENT", data: { store: "berlin" } },
        },
      },
    });

    const unknown = await send(agent, conversation.id, { flow: { flowId: "no-such-flow" } });
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toMatchObject({ error: { details: [{ path: "flow.flowId" }] } });
  });

  it("a photo: uploaded through the Graph media endpoint, sent by its media id, shown in the thread", async () => {
    const { conversation } = await customerOpens(agent);
    const uploaded = await upload(agent, conversation.id, { bytes: png, type: "image/png", name: "desk.png" });
    expect(uploaded.status, await uploaded.clone().text()).toBe(201);
    const { id: mediaId, type } = (await uploaded.json()) as { id: string; type: string };
    expect(type).toBe("image");
    const media = await db.media.findUniqueOrThrow({ where: { id: mediaId } });
    expect(media).toMatchObject({ state: "STORED", mimeType: "image/png", messageId: null, size: png.byteLength });
    expect(media.metaMediaId).toMatch(/^\d+$/);

    const queued = await sent(agent, conversation.id, { media: { mediaId, caption: "Your desk, ready to ship" } });
    expect(queued).toMatchObject({ type: "image", text: "Your desk, ready to ship", media: { id: mediaId, mimeType: "image/png" } });
    const read = await reaches(queued.id, "READ");
    expect(read).toMatchObject(servicePricing);
    expect((await graphPayload(read.externalId)).image).toEqual({ id: media.metaMediaId, caption: "Your desk, ready to ship" });
    // Agents see the file they sent.
    const file = await agent.fetch(`/api/media/${mediaId}`);
    expect(file.status).toBe(200);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(png);
  });

  it("templates by category: utility free inside the window, marketing and authentication charged", async () => {
    const { conversation } = await customerOpens(agent);
    const utility = await sent(agent, conversation.id, {
      template: {
        name: "order_update",
        language: "en_US",
        components: { body: ["Lena", "#48213", "Thursday"], buttons: [{ index: 0, text: "48213" }] },
      },
    });
    expect(utility).toMatchObject({ type: "template", text: "Hi Lena, your order #48213 has shipped and should arrive on Thursday." });
    const marketing = await sent(agent, conversation.id, {
      template: {
        name: "spring_sale",
        language: "en_US",
        components: { header: { type: "image", link: "https://cdn.example/spring.jpg" }, body: ["20", "lamps"] },
      },
    });
    const code = await sent(agent, conversation.id, {
      template: { name: "login_code", language: "en_US", components: { body: ["482913"] } },
    });

    const readUtility = await reaches(utility.id, "READ");
    expect(readUtility).toMatchObject({
      pricingModel: "PMP",
      pricingType: "free_customer_service",
      pricingCategory: "utility",
      billable: false,
    });
    expect((await graphPayload(readUtility.externalId)).template).toEqual({
      name: "order_update",
      language: { code: "en_US", policy: "deterministic" },
      components: [
        {
          type: "body",
          parameters: [
            { type: "text", text: "Lena" },
            { type: "text", text: "#48213" },
            { type: "text", text: "Thursday" },
          ],
        },
        { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: "48213" }] },
      ],
    });
    const readMarketing = await reaches(marketing.id, "READ");
    expect(readMarketing).toMatchObject({ pricingType: "regular", pricingCategory: "marketing", billable: true });
    expect((await graphPayload(readMarketing.externalId)).template).toMatchObject({
      components: [
        { type: "header", parameters: [{ type: "image", image: { link: "https://cdn.example/spring.jpg" } }] },
        { type: "body" },
      ],
    });
    const readCode = await reaches(code.id, "READ");
    expect(readCode).toMatchObject({ pricingType: "regular", pricingCategory: "authentication", billable: true });

    // The conversation shows the pricing of its latest priced message.
    const after = await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } });
    expect(after).toMatchObject({ billingCategory: "authentication", billingType: "regular", billable: true });
  });
});

describe("outside the customer service window", () => {
  it("refuses every free-form kind with 422 WINDOW_CLOSED, and sends a template at the regular price", async () => {
    const { conversation, waId, inbound } = await customerOpens(agent);
    const file = (await (await upload(agent, conversation.id, { bytes: png, type: "image/png", name: "desk.png" })).json()) as {
      id: string;
    };
    await closeWindow({ conversationId: conversation.id, waId });

    for (const body of [
      { text: "Still there?" },
      { text: "Still there?", replyTo: inbound.id },
      { interactive: { type: "button", body: "Still interested?", buttons: [{ id: "y", title: "Yes" }] } },
      { media: { mediaId: file.id } },
      { flow: { flowId: "any" } },
    ]) {
      const response = await send(agent, conversation.id, body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(await response.json()).toMatchObject({ error: { code: "WINDOW_CLOSED", message: expect.stringContaining("template") } });
    }
    expect(await db.message.count({ where: { conversationId: conversation.id, direction: "OUTBOUND" } })).toBe(0);

    const queued = await sent(agent, conversation.id, {
      template: {
        name: "order_update",
        language: "de",
        components: { body: ["Lena", "#48213", "Donnerstag"], buttons: [{ index: 0, text: "48213" }] },
      },
    });
    expect(queued.text).toBe("Hallo Lena, deine Bestellung #48213 wurde verschickt und kommt voraussichtlich am Donnerstag an.");
    const read = await reaches(queued.id, "READ");
    expect(read).toMatchObject({ pricingModel: "PMP", pricingType: "regular", pricingCategory: "utility", billable: true });
    const after = (await (await agent.fetch(`/api/conversations/${conversation.id}`)).json()) as ConversationDto;
    expect(after).toMatchObject({ billingWindow: { kind: "closed" }, billing: { category: "utility", type: "regular", billable: true } });
  });
});

describe("the free entry point window", () => {
  it("opens with the first reply to a customer who came from an ad: 72 h in which everything is free", async () => {
    const { conversation } = await customerOpens(agent, { referral: { headline: "Oak desks, 20% off" } });
    expect(conversation.billingWindow).toMatchObject({ kind: "customer_service", freeEntryPointOfferExpiresAt: expect.any(String) });

    const reply = await sent(agent, conversation.id, { text: "Thanks for your interest! Which size?" });
    const read = await reaches(reply.id, "READ");
    expect(read).toMatchObject({
      pricingModel: "PMP",
      pricingType: "free_entry_point",
      pricingCategory: "referral_conversion",
      billable: false,
    });

    const opened = await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } });
    const hours = (opened.freeEntryPointExpiresAt!.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);
    expect(opened).toMatchObject({ billingType: "free_entry_point", billingCategory: "referral_conversion", billable: false });

    // Even a marketing template is free inside it.
    const promo = await sent(agent, conversation.id, {
      template: {
        name: "spring_sale",
        language: "en_US",
        components: { header: { type: "image", link: "https://cdn.example/spring.jpg" }, body: ["20", "desks"] },
      },
    });
    expect(await reaches(promo.id, "READ")).toMatchObject({
      pricingType: "free_entry_point",
      pricingCategory: "referral_conversion",
      billable: false,
    });
    const after = (await (await agent.fetch(`/api/conversations/${conversation.id}`)).json()) as ConversationDto;
    expect(after.billingWindow).toMatchObject({
      kind: "free_entry_point",
      expiresAt: opened.freeEntryPointExpiresAt!.toISOString(),
      freeEntryPointOfferExpiresAt: null,
    });
  });
});
