import { z } from "zod";
import type { Messages } from "@/lib/i18n/messages";
import { limits } from "./outbound-limits";

// What an agent may send: the body of POST /api/conversations/:id/messages, checked against Meta's
// limits for each message type, so a message WhatsApp would refuse is refused here, with the field named.
// The problems are message keys (errors.send…); route() words them, with the limit, in the caller's language.

export { limits };

type EmptyField = keyof Messages["errors"]["sendEmpty"];
type LongField = keyof Messages["errors"]["sendTooLong"];

const chars = (field: LongField) => ({ error: `errors.sendTooLong.${field}` });
const required = (field: EmptyField) => ({ error: `errors.sendEmpty.${field}` });
const line = (field: EmptyField & LongField, max: number) => z.string().trim().min(1, required(field)).max(max, chars(field));

const buttonsMessage = z
  .object({
    type: z.literal("button"),
    body: line("messageText", limits.interactiveBody),
    header: line("header", limits.headerText).optional(),
    footer: line("footer", limits.footer).optional(),
    buttons: z
      .array(
        z.strictObject({
          id: line("buttonId", limits.buttonId),
          title: line("buttonTitle", limits.buttonTitle),
        }),
      )
      .min(1, { error: "errors.sendButtonsMin" })
      .max(limits.buttons, { error: "errors.sendButtonsMax" }),
  })
  .strict()
  .superRefine((message, context) => {
    unique(
      message.buttons.map((button) => button.id),
      ["buttons"],
      "id",
      "errors.sendButtonIdsDiffer",
      context,
    );
    unique(
      message.buttons.map((button) => button.title),
      ["buttons"],
      "title",
      "errors.sendButtonTitlesDiffer",
      context,
    );
  });

const listMessage = z
  .object({
    type: z.literal("list"),
    body: line("messageText", limits.interactiveBody),
    header: line("header", limits.headerText).optional(),
    footer: line("footer", limits.footer).optional(),
    button: line("listButton", limits.listButton),
    sections: z
      .array(
        z.strictObject({
          title: line("sectionTitle", limits.sectionTitle).optional(),
          rows: z
            .array(
              z.strictObject({
                id: line("rowId", limits.rowId),
                title: line("rowTitle", limits.rowTitle),
                description: line("rowDescription", limits.rowDescription).optional(),
              }),
            )
            .min(1, { error: "errors.sendRowsMin" }),
        }),
      )
      .min(1, { error: "errors.sendSectionsMin" })
      .max(limits.listSections, { error: "errors.sendSectionsMax" }),
  })
  .strict()
  .superRefine((message, context) => {
    const rows = message.sections.flatMap((section) => section.rows);
    if (rows.length > limits.listRows) {
      context.addIssue({
        code: "custom",
        path: ["sections"],
        message: "errors.sendRowsMax",
        params: { max: limits.listRows, count: rows.length },
      });
    }
    if (message.sections.length > 1) {
      message.sections.forEach((section, index) => {
        if (!section.title) context.addIssue({ code: "custom", path: ["sections", index, "title"], message: "errors.sendSectionTitle" });
      });
    }
    const ids = rows.map((row) => row.id);
    if (new Set(ids).size !== ids.length) context.addIssue({ code: "custom", path: ["sections"], message: "errors.sendRowIdsDiffer" });
  });

const templateMedia = z
  .strictObject({
    type: z.enum(["image", "video", "document"]),
    link: z.url({ protocol: /^https?$/, error: "errors.sendHeaderLink" }).optional(),
    mediaId: z.string().min(1).max(100).optional(),
    filename: z.string().trim().min(1).max(240).optional(),
  })
  .refine((header) => !!header.link !== !!header.mediaId, { error: "errors.sendHeaderSource" });

const parameter = line("templateParameter", limits.templateParameter);

export const templateInput = z.strictObject({
  name: z.string().trim().min(1, required("templateName")).max(512),
  language: z.string().trim().min(2, required("templateLanguage")).max(20),
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
  flowId: z.string().trim().min(1, required("flow")),
  body: line("messageText", limits.interactiveBody).optional(),
  header: line("header", limits.headerText).optional(),
  footer: line("footer", limits.footer).optional(),
  cta: line("buttonLabel", limits.flowCta)
    .refine((cta) => !/\p{Extended_Pictographic}/u.test(cta), { error: "errors.sendCtaEmoji" })
    .optional(),
  screen: z.string().trim().min(1).max(100).optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});

export const mediaInput = z.strictObject({
  mediaId: z.string().trim().min(1, required("mediaId")),
  caption: z.string().trim().max(limits.caption, chars("caption")).optional(),
});

/** Messenger only: a text with up to 13 quick-reply buttons; a tap comes back as the customer's message with its payload. */
export const quickRepliesInput = z.strictObject({
  text: line("messageText", limits.messengerText),
  replies: z
    .array(
      z.strictObject({
        title: line("quickReply", limits.quickReplyTitle),
        payload: z.string().trim().min(1).max(limits.quickReplyPayload).optional(),
      }),
    )
    .min(1, { error: "errors.sendQuickRepliesMin" })
    .max(limits.quickReplies, { error: "errors.sendQuickRepliesMax" }),
});

const kinds = ["text", "template", "interactive", "flow", "media", "quickReplies"] as const;

export const sendInput = z
  .strictObject({
    text: z.string().trim().min(1, required("message")).max(limits.text, chars("textMessage")).optional(),
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
        ...(given.length
          ? { message: "errors.sendOneKind", params: { kinds: given.join(", ") } }
          : { message: "errors.sendGiveOne", params: { kinds: kinds.join(", ") } }),
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
