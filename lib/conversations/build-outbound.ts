import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { baseMimeType, type MediaType } from "@/lib/whatsapp/media-rules";
import {
  buildTemplateParameters,
  previewTemplate,
  type TemplateComponentDefinition,
  type TemplateParameters,
  type TemplatePreview,
} from "@/lib/whatsapp/render-template";
import type { FlowInput, InteractiveInput } from "./outbound-schema";

// Turns what an agent asked to send into what the inbox stores for it: Meta's message type, a
// readable text (thread, previews, search) and `content` holding the type's object exactly as the
// Graph API expects it, so the send job can hand it over unchanged. Pure: the rows
// it needs (template, flow, media) are looked up by the caller.

export type Outbound = { type: string; text: string | null; content: Record<string, unknown> };

export function textOutbound(body: string): Outbound {
  return { type: "text", text: body, content: { text: { preview_url: /https?:\/\/\S/.test(body), body } } };
}

export function interactiveOutbound(input: InteractiveInput): Outbound {
  const frame = {
    ...(input.header ? { header: { type: "text", text: input.header } } : {}),
    body: { text: input.body },
    ...(input.footer ? { footer: { text: input.footer } } : {}),
  };
  if (input.type === "button") {
    const buttons = input.buttons.map((button) => ({ type: "reply", reply: { id: button.id, title: button.title } }));
    return { type: "interactive", text: input.body, content: { interactive: { type: "button", ...frame, action: { buttons } } } };
  }
  const sections = input.sections.map((section) => ({
    ...(section.title ? { title: section.title } : {}),
    rows: section.rows.map((row) => ({ id: row.id, title: row.title, ...(row.description ? { description: row.description } : {}) })),
  }));
  return {
    type: "interactive",
    text: input.body,
    content: { interactive: { type: "list", ...frame, action: { button: input.button, sections } } },
  };
}

export type FlowRow = { metaId: string; name: string; cta: string; screen: string | null };

/** A flow message; `flowToken` comes back in the customer's nfm_reply, tying the answer to this send. */
export function flowOutbound({ input, flow, flowToken }: { input: FlowInput; flow: FlowRow; flowToken: string }): Outbound {
  const body = input.body ?? flow.name;
  const screen = input.screen ?? flow.screen;
  const parameters = {
    flow_message_version: "3",
    flow_token: flowToken,
    flow_id: flow.metaId,
    flow_cta: input.cta ?? flow.cta,
    // Without a first screen to open, the flow asks its endpoint for one.
    flow_action: screen ? "navigate" : "data_exchange",
    ...(screen ? { flow_action_payload: { screen, ...(input.data ? { data: input.data } : {}) } } : {}),
  };
  const interactive = {
    type: "flow",
    ...(input.header ? { header: { type: "text", text: input.header } } : {}),
    body: { text: body },
    ...(input.footer ? { footer: { text: input.footer } } : {}),
    action: { name: "flow", parameters },
  };
  return { type: "interactive", text: body, content: { interactive } };
}

export type MediaRow = { metaMediaId: string; mimeType: string; fileName: string | null };

/** Which WhatsApp message type carries a file: JPEG/PNG are photos, WebP stickers, the rest by family. */
export function mediaTypeFor(mimeType: string): MediaType {
  const mime = baseMimeType(mimeType);
  if (mime === "image/webp") return "sticker";
  if (mime === "image/jpeg" || mime === "image/png") return "image";
  if (mime === "video/mp4" || mime === "video/3gpp") return "video";
  if (mime.startsWith("audio/")) return "audio";
  return "document";
}

export function mediaOutbound({ media, caption }: { media: MediaRow; caption?: string }): Outbound {
  const type = mediaTypeFor(media.mimeType);
  if (caption && (type === "audio" || type === "sticker")) {
    throw new AppError("INVALID_INPUT", phrase("errors.noCaption", { type }), [
      { path: "media.caption", message: phrase("errors.fieldNoCaption") },
    ]);
  }
  const object = {
    id: media.metaMediaId,
    ...(caption ? { caption } : {}),
    ...(type === "document" && media.fileName ? { filename: media.fileName } : {}),
  };
  return { type, text: caption || (type === "document" ? media.fileName : null), content: { [type]: object } };
}

export type TemplateRow = { name: string; language: string; components: unknown };

/** A template message with its parameters checked against the approved definition. */
export function templateOutbound({ template, parameters }: { template: TemplateRow; parameters?: TemplateParameters }): Outbound & {
  preview: TemplatePreview;
} {
  const definition = (Array.isArray(template.components) ? template.components : []) as TemplateComponentDefinition[];
  const components = buildTemplateParameters({ name: template.name, definition, parameters });
  const graph = {
    name: template.name,
    language: { code: template.language, policy: "deterministic" },
    ...(components.length ? { components } : {}),
  };
  const preview = previewTemplate({ definition, components });
  return { type: "template", text: preview.body, content: { template: graph, preview }, preview };
}
