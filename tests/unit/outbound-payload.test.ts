import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { flowOutbound, interactiveOutbound, mediaOutbound, templateOutbound, textOutbound } from "@/lib/conversations/build-outbound";
import { sendInput } from "@/lib/conversations/outbound-schema";
import { findSimulatorTemplate } from "@/lib/simulator/templates";
import { graphMessagePayload } from "@/lib/whatsapp/message-payload";
import { issueInEnglish } from "../support/in-english";

function issues(body: unknown): { path: string; message: string }[] {
  const result = sendInput.safeParse(body);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issueInEnglish(issue) }));
}

function template(name: string, language = "en_US") {
  const found = findSimulatorTemplate({ name, language });
  if (!found) throw new Error(`no simulator template ${name}`);
  return found;
}

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

const buttons = (count: number, title = "Yes") =>
  Array.from({ length: count }, (_, index) => ({ id: `b${index}`, title: `${title}${index}` }));
const rows = (count: number) => Array.from({ length: count }, (_, index) => ({ id: `r${index}`, title: `Row ${index}` }));

describe("sendInput: Meta's limits, with the field named", () => {
  it.each([
    { case: "text of 4,097 characters", body: { text: "x".repeat(4097) }, path: "text", message: /4096/ },
    { case: "empty text", body: { text: "   " }, path: "text", message: /empty/ },
    {
      case: "caption of 1,025 characters",
      body: { media: { mediaId: "m1", caption: "c".repeat(1025) } },
      path: "media.caption",
      message: /1024/,
    },
    {
      case: "four reply buttons",
      body: { interactive: { type: "button", body: "Pick", buttons: buttons(4) } },
      path: "interactive.buttons",
      message: /at most 3/,
    },
    {
      case: "a button title of 21 characters",
      body: { interactive: { type: "button", body: "Pick", buttons: [{ id: "a", title: "t".repeat(21) }] } },
      path: "interactive.buttons.0.title",
      message: /20/,
    },
    {
      case: "a button id of 257 characters",
      body: { interactive: { type: "button", body: "Pick", buttons: [{ id: "i".repeat(257), title: "OK" }] } },
      path: "interactive.buttons.0.id",
      message: /256/,
    },
    {
      case: "two buttons with one title",
      body: {
        interactive: {
          type: "button",
          body: "Pick",
          buttons: [
            { id: "a", title: "Same" },
            { id: "b", title: "Same" },
          ],
        },
      },
      path: "interactive.buttons.1.title",
      message: /differ/,
    },
    {
      case: "eleven list rows over two sections",
      body: {
        interactive: {
          type: "list",
          body: "Pick",
          button: "Options",
          sections: [
            { title: "A", rows: rows(6) },
            { title: "B", rows: rows(5).map((r) => ({ ...r, id: `x${r.id}` })) },
          ],
        },
      },
      path: "interactive.sections",
      message: /at most 10 rows/,
    },
    {
      case: "a row title of 25 characters",
      body: { interactive: { type: "list", body: "Pick", button: "Options", sections: [{ rows: [{ id: "a", title: "t".repeat(25) }] }] } },
      path: "interactive.sections.0.rows.0.title",
      message: /24/,
    },
    {
      case: "a row description of 73 characters",
      body: {
        interactive: {
          type: "list",
          body: "Pick",
          button: "Options",
          sections: [{ rows: [{ id: "a", title: "A", description: "d".repeat(73) }] }],
        },
      },
      path: "interactive.sections.0.rows.0.description",
      message: /72/,
    },
    { case: "a flow button label with emoji", body: { flow: { flowId: "f", cta: "Book 📅" } }, path: "flow.cta", message: /emoji/ },
    { case: "two kinds at once", body: { text: "hi", media: { mediaId: "m" } }, path: "", message: /one kind/ },
    { case: "nothing to send", body: {}, path: "", message: /Give one of/ },
    { case: "an unknown field", body: { text: "hi", colour: "red" }, path: "", message: /colour/ },
  ])("$case → $path", ({ body, path, message }) => {
    const found = issues(body);
    expect(found.map((issue) => issue.path)).toContain(path);
    expect(found.find((issue) => issue.path === path)?.message).toMatch(message);
  });

  it("accepts what Meta accepts at the limits", () => {
    expect(issues({ text: "x".repeat(4096), replyTo: "m1" })).toEqual([]);
    expect(issues({ media: { mediaId: "m1", caption: "c".repeat(1024) } })).toEqual([]);
    expect(issues({ interactive: { type: "button", body: "Pick", buttons: buttons(3, "t".repeat(19)) } })).toEqual([]);
    expect(
      issues({ interactive: { type: "list", body: "Pick", button: "Options", sections: [{ title: "All", rows: rows(10) }] } }),
    ).toEqual([]);
    expect(issues({ template: { name: "order_update", language: "en_US", components: { body: ["a", "b", "c"] } } })).toEqual([]);
  });
});

describe("the Graph API objects each kind becomes", () => {
  it("text: preview_url only when there is a link", () => {
    expect(textOutbound("Hello").content).toEqual({ text: { preview_url: false, body: "Hello" } });
    expect(textOutbound("See https://northwind.example").content).toEqual({
      text: { preview_url: true, body: "See https://northwind.example" },
    });
  });

  it("reply buttons", () => {
    const built = interactiveOutbound({
      type: "button",
      body: "Delivery on Thursday?",
      header: "Delivery",
      footer: "Northwind",
      buttons: [
        { id: "yes", title: "Yes" },
        { id: "no", title: "Another day" },
      ],
    });
    expect(built).toEqual({
      type: "interactive",
      text: "Delivery on Thursday?",
      content: {
        interactive: {
          type: "button",
          header: { type: "text", text: "Delivery" },
          body: { text: "Delivery on Thursday?" },
          footer: { text: "Northwind" },
          action: {
            buttons: [
              { type: "reply", reply: { id: "yes", title: "Yes" } },
              { type: "reply", reply: { id: "no", title: "Another day" } },
            ],
          },
        },
      },
    });
  });

  it("a list", () => {
    const built = interactiveOutbound({
      type: "list",
      body: "Which colour?",
      button: "Colours",
      sections: [
        {
          title: "Wood",
          rows: [
            { id: "oak", title: "Oak", description: "Light and warm" },
            { id: "walnut", title: "Walnut" },
          ],
        },
      ],
    });
    expect(built.content).toEqual({
      interactive: {
        type: "list",
        body: { text: "Which colour?" },
        action: {
          button: "Colours",
          sections: [
            {
              title: "Wood",
              rows: [
                { id: "oak", title: "Oak", description: "Light and warm" },
                { id: "walnut", title: "Walnut" },
              ],
            },
          ],
        },
      },
    });
  });

  it("a flow: navigate to its first screen, or ask its endpoint when it has none", () => {
    const flow = { metaId: "778899", name: "Book a showroom visit", cta: "Book now", screen: "APPOINTMENT" };
    expect(flowOutbound({ input: { flowId: "f1", data: { store: "berlin" } }, flow, flowToken: "tok-1" }).content).toEqual({
      interactive: {
        type: "flow",
        body: { text: "Book a showroom visit" },
        action: {
          name: "flow",
          parameters: {
            flow_message_version: "3",
            flow_token: "tok-1",
            flow_id: "778899",
            flow_cta: "Book now",
            flow_action: "navigate",
            flow_action_payload: { screen: "APPOINTMENT", data: { store: "berlin" } },
          },
        },
      },
    });
    const parameters = (
      flowOutbound({ input: { flowId: "f1", cta: "Start", body: "Tell us more" }, flow: { ...flow, screen: null }, flowToken: "t" }).content
        .interactive as {
        action: { parameters: Record<string, unknown> };
      }
    ).action.parameters;
    expect(parameters).toMatchObject({ flow_action: "data_exchange", flow_cta: "Start" });
    expect(parameters).not.toHaveProperty("flow_action_payload");
  });

  it("media: the type follows the file, documents keep their name, audio takes no caption", () => {
    expect(mediaOutbound({ media: { metaMediaId: "111", mimeType: "image/jpeg", fileName: "desk.jpg" }, caption: "Your desk" })).toEqual({
      type: "image",
      text: "Your desk",
      content: { image: { id: "111", caption: "Your desk" } },
    });
    expect(mediaOutbound({ media: { metaMediaId: "222", mimeType: "application/pdf", fileName: "invoice.pdf" } })).toEqual({
      type: "document",
      text: "invoice.pdf",
      content: { document: { id: "222", filename: "invoice.pdf" } },
    });
    expect(mediaOutbound({ media: { metaMediaId: "333", mimeType: "audio/ogg; codecs=opus", fileName: null } }).type).toBe("audio");
    expect(
      refusal(() => mediaOutbound({ media: { metaMediaId: "333", mimeType: "audio/mpeg", fileName: null }, caption: "Listen" })).code,
    ).toBe("INVALID_INPUT");
  });

  it("a template with body and URL-button parameters, rendered as the customer sees it", () => {
    const built = templateOutbound({
      template: template("order_update"),
      parameters: { body: ["Lena", "#48213", "Thursday"], buttons: [{ index: 0, text: "48213" }] },
    });
    expect(built.content.template).toEqual({
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
    expect(built.text).toBe("Hi Lena, your order #48213 has shipped and should arrive on Thursday.");
    expect(built.preview).toMatchObject({
      header: { kind: "text", text: "Your order is on its way" },
      footer: "Northwind Furniture",
      buttons: [
        { type: "URL", text: "Track order", url: "https://northwind.example/track/48213" },
        { type: "QUICK_REPLY", text: "Talk to us" },
      ],
    });
  });

  it("refuses template parameters that don't fit the definition, naming the component", () => {
    const missing = refusal(() =>
      templateOutbound({ template: template("order_update"), parameters: { body: ["Lena"], buttons: [{ index: 0, text: "1" }] } }),
    );
    expect(missing.code).toBe("UNPROCESSABLE");
    expect(missing.message).toContain("needs 3 body parameters; 1 given");
    expect(missing.details).toEqual([{ path: "template.components.body", message: expect.any(String) }]);

    const noImage = refusal(() => templateOutbound({ template: template("spring_sale"), parameters: { body: ["20", "lamps"] } }));
    expect(noImage.details).toEqual([{ path: "template.components.header", message: expect.stringContaining("an image header") }]);
  });

  it("named parameters, an image header and a one-time code", () => {
    const reminder = templateOutbound({
      template: template("appointment_reminder"),
      parameters: { body: { customer_name: "Oliver", date: "12 March", time: "10:30" } },
    });
    expect((reminder.content.template as { components: unknown[] }).components).toEqual([
      {
        type: "body",
        parameters: [
          { type: "text", parameter_name: "customer_name", text: "Oliver" },
          { type: "text", parameter_name: "date", text: "12 March" },
          { type: "text", parameter_name: "time", text: "10:30" },
        ],
      },
    ]);
    expect(reminder.text).toBe("Hi Oliver, this is a reminder of your showroom appointment on 12 March at 10:30.");

    const sale = templateOutbound({
      template: template("spring_sale"),
      parameters: { header: { type: "image", link: "https://cdn.example/spring.jpg" }, body: ["20", "lamps"] },
    });
    expect((sale.content.template as { components: unknown[] }).components[0]).toEqual({
      type: "header",
      parameters: [{ type: "image", image: { link: "https://cdn.example/spring.jpg" } }],
    });
    expect(sale.preview.header).toEqual({ kind: "image", link: "https://cdn.example/spring.jpg", mediaId: null });

    const code = templateOutbound({ template: template("login_code"), parameters: { body: ["482913"] } });
    expect((code.content.template as { components: unknown[] }).components).toEqual([
      { type: "body", parameters: [{ type: "text", text: "482913" }] },
      { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: "482913" }] },
    ]);
  });
});

describe("graphMessagePayload", () => {
  it("wraps stored content for POST /{phone-number-id}/messages with the quoted wamid and our id", () => {
    const stored = {
      id: "msg-1",
      ...interactiveOutbound({ type: "button", body: "OK?", buttons: [{ id: "y", title: "Yes" }] }),
      contextExternalId: "wamid.QUOTED",
    };
    expect(graphMessagePayload({ message: stored, recipient: { waId: "4915112345678", bsuid: "US.1" } })).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "4915112345678",
      type: "interactive",
      interactive: stored.content.interactive,
      context: { message_id: "wamid.QUOTED" },
      biz_opaque_callback_data: "msg-1",
    });
  });

  it("addresses a customer known only by business-scoped id, and sends older text rows as text", () => {
    const payload = graphMessagePayload({
      message: { id: "msg-2", type: "text", text: "Hello", content: null, contextExternalId: null },
      recipient: { waId: null, bsuid: "US.13491208655302741918" },
    });
    expect(payload).toMatchObject({ recipient: "US.13491208655302741918", type: "text", text: { preview_url: false, body: "Hello" } });
    expect(payload).not.toHaveProperty("to");
    expect(payload).not.toHaveProperty("context");
  });
});
