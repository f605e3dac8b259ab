import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { signIn, type Session } from "../support/http";
import { customerOpens, reaches, send, sent, syncTemplatesAsAdmin, upload } from "./sending";

// What is refused before anything reaches WhatsApp: Meta's limits (400, naming the field), and
// the rules about templates (422 with a sentence an agent understands). Nothing refused is stored.

let agent: Session;

beforeAll(async () => {
  agent = await signIn("agent@example.com");
  await syncTemplatesAsAdmin(await signIn("admin@example.com"));
});

type Problem = { path: string; message: string };

async function refused(conversationId: string, body: unknown, status: number) {
  const response = await send(agent, conversationId, body);
  expect(response.status, JSON.stringify(body)).toBe(status);
  return ((await response.json()) as { error: { code: string; message: string; details?: Problem[] } }).error;
}

const rows = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, index) => ({ id: `${prefix}${index}`, title: `Row ${index}` }));

describe("Meta's limits → 400 with the field's path", () => {
  it.each([
    { limit: "text over 4096 characters", body: { text: "x".repeat(4097) }, path: "text" },
    { limit: "caption over 1024 characters", body: { media: { mediaId: "m", caption: "c".repeat(1025) } }, path: "media.caption" },
    {
      limit: "more than 3 reply buttons",
      body: {
        interactive: { type: "button", body: "Pick one", buttons: [1, 2, 3, 4].map((n) => ({ id: `b${n}`, title: `Option ${n}` })) },
      },
      path: "interactive.buttons",
    },
    {
      limit: "a button title over 20 characters",
      body: { interactive: { type: "button", body: "Pick one", buttons: [{ id: "a", title: "A title far too long!" }] } },
      path: "interactive.buttons.0.title",
    },
    {
      limit: "a button id over 256 characters",
      body: { interactive: { type: "button", body: "Pick one", buttons: [{ id: "i".repeat(257), title: "OK" }] } },
      path: "interactive.buttons.0.id",
    },
    {
      limit: "more than 10 list rows in total",
      body: {
        interactive: {
          type: "list",
          body: "Pick",
          button: "Options",
          sections: [
            { title: "A", rows: rows(6, "a") },
            { title: "B", rows: rows(5, "b") },
          ],
        },
      },
      path: "interactive.sections",
    },
    {
      limit: "a row title over 24 characters",
      body: { interactive: { type: "list", body: "Pick", button: "Options", sections: [{ rows: [{ id: "r", title: "t".repeat(25) }] }] } },
      path: "interactive.sections.0.rows.0.title",
    },
    {
      limit: "a row description over 72 characters",
      body: {
        interactive: {
          type: "list",
          body: "Pick",
          button: "Options",
          sections: [{ rows: [{ id: "r", title: "Row", description: "d".repeat(73) }] }],
        },
      },
      path: "interactive.sections.0.rows.0.description",
    },
    { limit: "two kinds at once", body: { text: "hi", template: { name: "order_update", language: "en_US" } }, path: "" },
  ])("$limit", async ({ body, path }) => {
    const { conversation } = await customerOpens(agent);
    const error = await refused(conversation.id, body, 400);
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.details?.map((problem) => problem.path)).toContain(path);
    expect(await db.message.count({ where: { conversationId: conversation.id, direction: "OUTBOUND" } })).toBe(0);
  });

  it("no caption on audio, and files WhatsApp can't carry are refused at upload", async () => {
    const { conversation } = await customerOpens(agent);
    const audio = await upload(agent, conversation.id, {
      bytes: new Uint8Array([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0]),
      type: "audio/mpeg",
      name: "note.mp3",
    });
    expect(audio.status, await audio.clone().text()).toBe(201);
    const { id } = (await audio.json()) as { id: string };
    const error = await refused(conversation.id, { media: { mediaId: id, caption: "Listen" } }, 400);
    expect(error.details).toEqual([{ path: "media.caption", message: expect.any(String) }]);

    const svg = await upload(agent, conversation.id, {
      bytes: new TextEncoder().encode("<svg/>"),
      type: "image/svg+xml",
      name: "logo.svg",
    });
    expect(svg.status).toBe(400);
    const unknown = await refused(conversation.id, { media: { mediaId: "no-such-upload" } }, 422);
    expect(unknown.details).toEqual([{ path: "media.mediaId", message: expect.any(String) }]);
  });
});

describe("template rules → 422 in words", () => {
  it("only approved templates: pending, rejected and unknown ones are refused", async () => {
    const { conversation } = await customerOpens(agent);
    const pending = await refused(
      conversation.id,
      { template: { name: "winter_preview", language: "en_US", components: { body: ["Priya"] } } },
      422,
    );
    expect(pending.message).toBe('The template "winter_preview" (en_US) is pending at Meta: only approved templates can be sent.');
    const rejected = await refused(conversation.id, { template: { name: "welcome_discount", language: "en_US" } }, 422);
    expect(rejected.message).toContain("rejected");
    const unknown = await refused(conversation.id, { template: { name: "order_update", language: "fr" } }, 422);
    expect(unknown.message).toContain('no template "order_update" in fr');
    expect(await db.message.count({ where: { conversationId: conversation.id, direction: "OUTBOUND" } })).toBe(0);
  });

  it("parameters must fit the template: the missing ones are named", async () => {
    const { conversation } = await customerOpens(agent);
    const error = await refused(
      conversation.id,
      { template: { name: "order_update", language: "en_US", components: { body: ["Lena"] } } },
      422,
    );
    expect(error.message).toContain("order_update needs 3 body parameters; 1 given.");
    expect(error.details?.map((problem) => problem.path)).toEqual(["template.components.body", "template.components.buttons.0"]);
    const named = await refused(
      conversation.id,
      { template: { name: "appointment_reminder", language: "en_US", components: { body: { customer_name: "Oliver" } } } },
      422,
    );
    expect(named.message).toContain("missing date, time");
  });

  it("no marketing to a customer who stopped it; utility still goes", async () => {
    const { conversation } = await customerOpens(agent);
    await db.contact.update({ where: { id: conversation.contact.id }, data: { marketingOptOut: true, marketingOptOutAt: new Date() } });
    const error = await refused(
      conversation.id,
      {
        template: {
          name: "spring_sale",
          language: "en_US",
          components: { header: { type: "image", link: "https://cdn.example/a.jpg" }, body: ["20", "lamps"] },
        },
      },
      422,
    );
    expect(error.message).toContain("stopped marketing messages");
    const utility = await sent(agent, conversation.id, {
      template: {
        name: "appointment_reminder",
        language: "en_US",
        components: { body: { customer_name: "Oliver", date: "12 March", time: "10:30" } },
      },
    });
    expect(await reaches(utility.id, "READ")).toMatchObject({ pricingCategory: "utility" });
  });

  it("a quote needs a message of this conversation that reached WhatsApp", async () => {
    const { conversation } = await customerOpens(agent);
    const other = await customerOpens(agent);
    const error = await refused(conversation.id, { text: "Re: that", replyTo: other.inbound.id }, 422);
    expect(error.details).toEqual([{ path: "replyTo", message: expect.any(String) }]);
  });
});
