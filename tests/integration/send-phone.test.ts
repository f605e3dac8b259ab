import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { BusinessMessageView } from "@/lib/whatsapp/business-message-view";
import { baseUrl, signIn, type Session } from "../support/http";
import { eventually, uniqueWaId } from "./factories";
import { customerOpens, png, reaches, sent, syncTemplatesAsAdmin, upload } from "./sending";

// The customer's phone in the simulator shows what the business sent as WhatsApp draws it, and a
// tap on a reply button comes back to the inbox as Meta's interactive reply, quoting the message.

type PhoneItem = {
  id: string;
  direction: string;
  type: string;
  text: string;
  view?: BusinessMessageView | null;
  media?: { kind: string; mediaId: string | null; caption: string | null } | null;
};

let agent: Session;

beforeAll(async () => {
  agent = await signIn("agent@example.com");
  await syncTemplatesAsAdmin(await signIn("admin@example.com"));
});

async function phoneThread(waId: string): Promise<PhoneItem[]> {
  return ((await (await fetch(`${baseUrl()}/api/simulator/customers/${waId}/messages`)).json()) as { items: PhoneItem[] }).items;
}

describe("the customer's phone", () => {
  it("draws buttons, and a tapped button reaches the inbox as a button_reply quoting the message", async () => {
    const { conversation, waId, name } = await customerOpens(agent);
    const question = await sent(agent, conversation.id, {
      interactive: {
        type: "button",
        body: "Thursday OK?",
        buttons: [
          { id: "slot-thu", title: "Yes" },
          { id: "slot-other", title: "Another day" },
        ],
      },
    });
    const { externalId } = await reaches(question.id, "SENT");

    const item = (await phoneThread(waId)).find((entry) => entry.id === externalId);
    expect(item?.view).toMatchObject({
      body: "Thursday OK?",
      buttons: [
        { kind: "reply", id: "slot-thu", title: "Yes" },
        { kind: "reply", id: "slot-other", title: "Another day" },
      ],
    });

    const tap = await fetch(`${baseUrl()}/api/simulator/customers/${waId}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name, kind: "button_reply", id: "slot-thu", title: "Yes", replyTo: externalId }),
    });
    expect(tap.status).toBe(201);
    const answer = await eventually(
      () => db.message.findFirst({ where: { conversationId: conversation.id, direction: "INBOUND", type: "interactive" } }),
      { what: "the customer's button reply" },
    );
    expect(answer).toMatchObject({ text: "Yes", contextExternalId: externalId });
    expect((answer.content as { interactive?: unknown }).interactive).toEqual({
      type: "button_reply",
      button_reply: { id: "slot-thu", title: "Yes" },
    });
  });

  it("fills in templates from the account's definitions and shows sent files to their customer only", async () => {
    const { conversation, waId } = await customerOpens(agent);
    const template = await sent(agent, conversation.id, {
      template: {
        name: "order_update",
        language: "en_US",
        components: { body: ["Jonas", "#5120", "Friday"], buttons: [{ index: 0, text: "5120" }] },
      },
    });
    const file = (await (await upload(agent, conversation.id, { bytes: png, type: "image/png", name: "desk.png" })).json()) as {
      id: string;
    };
    const photo = await sent(agent, conversation.id, { media: { mediaId: file.id, caption: "Here it is" } });
    const [templateSent, photoSent] = [await reaches(template.id, "SENT"), await reaches(photo.id, "SENT")];

    const items = await phoneThread(waId);
    expect(items.find((entry) => entry.id === templateSent.externalId)?.view).toMatchObject({
      template: true,
      header: { kind: "text", text: "Your order is on its way" },
      body: "Hi Jonas, your order #5120 has shipped and should arrive on Friday.",
      buttons: [
        { kind: "url", title: "Track order", url: "https://northwind.example/track/5120" },
        { kind: "reply", title: "Talk to us" },
      ],
    });
    const media = items.find((entry) => entry.id === photoSent.externalId)?.media;
    expect(media).toMatchObject({ kind: "image", caption: "Here it is" });
    const own = await fetch(`${baseUrl()}/api/simulator/customers/${waId}/media/${media!.mediaId}`);
    expect(own.status).toBe(200);
    expect(new Uint8Array(await own.arrayBuffer())).toEqual(png);
    expect((await fetch(`${baseUrl()}/api/simulator/customers/${uniqueWaId()}/media/${media!.mediaId}`)).status).toBe(404);
  });
});
