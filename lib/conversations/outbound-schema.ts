import { z } from "zod";
import { limits } from "./outbound-limits";

// What an agent may send: the body of POST /api/conversations/:id/messages, checked against Meta's
// limits for each message type, so a message WhatsApp would refuse is refused here, with the field named.

export { limits };

const chars = (what: string, max: number) => ({ error: `${what} can be at most ${max} characters.` });
const required = (what: string) => ({ error: `${what} is empty.` });
const line = (what: string, max: number) => z.string().trim().min(1, required(what)).max(max, chars(what, max));

const buttonsMessage = z
  .object({
    type: z.literal("button"),
    body: line("The message text", limits.interactiveBody),
    header: line("The header", limits.headerText).optional(),
    footer: line("The footer", limits.footer).optional(),
    buttons: z
      .array(
        z.strictObject({
          id: line("A button id", limits.buttonId),
          title: line("A button title", limits.buttonTitle),
        }),
      )
      .min(1, { error: "Add at least one button." })
      .max(limits.buttons, { error: `WhatsApp allows at most ${limits.buttons} reply buttons.` }),
  })
  .strict()
  .superRefine((message, context) => {
    unique(
      message.buttons.map((button) => button.id),
      ["buttons"],
      "id",
      "Button ids must differ.",
      context,
    );
    unique(
      message.buttons.map((button) => button.title),
      ["buttons"],
      "title",
      "Button titles must differ.",
      context,
    );
  });

const listMessage = z
  .object({
    type: z.literal("list"),
    body: line("The message text", limits.interactiveBody),
    header: line("The header", limits.headerText).optional(),
    footer: line("The footer", limits.footer).optional(),
    button: line("The list button label", limits.listButton),
    sections: z
      .array(
        z.strictObject({
          title: line("A section title", limits.sectionTitle).optional(),
          rows: z
            .array(
              z.strictObject({
                id: line("A row id", limits.rowId),
                title: line("A row title", limits.rowTitle),
                description: line("A row description", limits.rowDescription).optional(),
              }),
            )
            .min(1, { error: "Each section needs at least one row." }),
        }),
      )
      .min(1, { error: "Add at least one section." })
      .max(limits.listSections, { error: `WhatsApp allows at most ${limits.listSections} sections.` }),
  })
  .strict()
  .superRefine((message, context) => {
    const rows = message.sections.flatMap((section) => section.rows);
    if (rows.length > limits.listRows) {
      context.addIssue({
        code: "custom",
        path: ["sections"],
        message: `WhatsApp allows at most ${limits.listRows} rows in a list (this one has ${rows.length}).`,
      });
    }
    if (message.sections.length > 1) {
      message.sections.forEach((section, index) => {
        if (!section.title)
          context.addIssue({ code: "custom", path: ["sections", index, "title"], message: "With several sections, each needs a title." });
      });
    }
    const ids = rows.map((row) => row.id);
    if (new Set(ids).size !== ids.length) context.addIssue({ code: "custom", path: ["sections"], message: "Row ids must differ." });
  });

const templateMedia = z
  .strictObject({
    type: z.enum(["image", "video", "document"]),
    link: z.url({ protocol: /^https?$/, error: "A link must be an http(s) URL." }).optional(),
    mediaId: z.string().min(1).max(100).optional(),
    filename: z.string().trim().min(1).max(240).optional(),
  })
  .refine((header) => !!header.link !== !!header.mediaId, { error: "Give either a link or a mediaId for the header." });

const parameter = line("A template parameter", limits.templateParameter);

export const templateInput = z.strictObject({
  name: z.string().trim().min(1, required("The template name")).max(512),
  language: z.string().trim().min(2, required("The template language")).max(20),
  components: z
    .strictObject({
      header: z.union([z.strictObject({ type: z.literal("text"), text: parameter }), templateMedia]).optional(),
      // Positional ({{1}}, {{2}} …) as a list, or named ({{first_name}}) as an object.
      body: z.union([z.array(parameter).max(100), z.record(z.string().regex(/^[a-z0-9_]+$/), parameter)]).optional(),
      buttons: z
        .array(
          z.strictObject({
            index: z.number().int().min(0).max(9),
            // A quick-reply button's payload, a URL button's dynamic suffix, a copy-code button's code.
            payload: z.string().trim().min(1).max(1000).optional(),
            text: z.string().trim().min(1).max(2000).optional(),
          }),
        )
        .max(10)
        .optional(),
    })
    .optional(),
});

export const flowInput = z.strictObject({
  flowId: z.string().trim().min(1, required("The flow")),
  body: line("The message text", limits.interactiveBody).optional(),
  header: line("The header", limits.headerText).optional(),
  footer: line("The footer", limits.footer).optional(),
  cta: line("The button label", limits.flowCta)
    .refine((cta) => !/\p{Extended_Pictographic}/u.test(cta), { error: "The button label cannot contain emoji." })
    .optional(),
  screen: z.string().trim().min(1).max(100).optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});

export const mediaInput = z.strictObject({
  mediaId: z.string().trim().min(1, required("The media id")),
  caption: z.string().trim().max(limits.caption, chars("A caption", limits.caption)).optional(),
});

/** Messenger only: a text with up to 13 quick-reply buttons; a tap comes back as the customer's message with its payload. */
export const quickRepliesInput = z.strictObject({
  text: line("The message text", limits.messengerText),
  replies: z
    .array(
      z.strictObject({
        title: line("A quick reply", limits.quickReplyTitle),
        payload: z.string().trim().min(1).max(limits.quickReplyPayload).optional(),
      }),
    )
    .min(1, { error: "Add at least one quick reply." })
    .max(limits.quickReplies, { error: `Messenger allows at most ${limits.quickReplies} quick replies.` }),
});

const kinds = ["text", "template", "interactive", "flow", "media", "quickReplies"] as const;

export const sendInput = z
  .strictObject({
    text: z.string().trim().min(1, required("The message")).max(limits.text, chars("A text message", limits.text)).optional(),
    template: templateInput.optional(),
    interactive: z.discriminatedUnion("type", [buttonsMessage, listMessage]).optional(),
    flow: flowInput.optional(),
    media: mediaInput.optional(),
    quickReplies: quickRepliesInput.optional(),
    // The id of the message this one quotes (any message in the same conversation).
    replyTo: z.string().trim().min(1).max(100).optional(),
    // Messenger, 24 h to 7 days after the customer wrote: the agent confirms a person is answering,
    // and the message goes out with Meta's HUMAN_AGENT tag.
    tag: z.literal("HUMAN_AGENT").optional(),
  })
  .superRefine((input, context) => {
    const given = kinds.filter((kind) => input[kind] !== undefined);
    if (given.length !== 1) {
      context.addIssue({
        code: "custom",
        path: [],
        message: given.length ? `Send one kind of message at a time, not ${given.join(" and ")}.` : `Give one of: ${kinds.join(", ")}.`,
      });
    }
  });

export type SendInput = z.infer<typeof sendInput>;
export type TemplateInput = z.infer<typeof templateInput>;
export type InteractiveInput = NonNullable<SendInput["interactive"]>;
export type FlowInput = z.infer<typeof flowInput>;
export type MediaInput = z.infer<typeof mediaInput>;
export type QuickRepliesInput = z.infer<typeof quickRepliesInput>;
export type OutboundKind = (typeof kinds)[number];

export function outboundKind(input: SendInput): OutboundKind {
  return kinds.find((kind) => input[kind] !== undefined)!;
}

function unique(values: string[], path: (string | number)[], field: string, message: string, context: z.RefinementCtx) {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) context.addIssue({ code: "custom", path: [...path, index, field], message });
    seen.add(value);
  });
}
