import { flowFields, flowSummary } from "./flow-response";
import { orderSummary } from "./order-summary";
import type { InboundMessage, MetaError } from "./webhook-schema";

// Turns one inbound message into what the inbox stores: its type, a readable text (used for the
// thread, previews and search), the type-specific content kept as Meta sent it, and Meta's error
// when the message could not be delivered to us in full.

export type StoredError = { code: number | null; title: string | null; details: string | null };
type Stored = { type: string; text: string | null; content: Record<string, unknown>; error: StoredError | null };

const mediaLabels: Record<string, string> = {
  image: "Photo",
  video: "Video",
  audio: "Audio",
  voice: "Voice message",
  document: "Document",
  sticker: "Sticker",
};

/**
 * `valueErrors` are the change-level errors (value.errors): they explain a message whose payload
 * Meta could not include, e.g. 131000 "Unsupported webhook payload".
 */
export function inboundContent(message: InboundMessage, { valueErrors }: { valueErrors?: MetaError[] } = {}): Stored {
  const { id: _id, from: _from, timestamp: _timestamp, type, ...rest } = message;
  const body = rest[type] as Record<string, unknown> | undefined;
  const content: Record<string, unknown> = { ...rest };
  const errors = message.errors?.length ? message.errors : !body && valueErrors?.length ? valueErrors : undefined;
  if (errors && !content.errors) content.errors = errors;
  const first = errors?.[0];
  const error = first
    ? { code: first.code ?? null, title: first.title ?? first.message ?? null, details: first.error_data?.details ?? null }
    : null;
  return { type, text: readableText(type, body, message), content, error };
}

function readableText(type: string, body: Record<string, unknown> | undefined, message: InboundMessage): string | null {
  const field = (name: string) => (typeof body?.[name] === "string" ? (body[name] as string) : undefined);
  switch (type) {
    case "text":
      return field("body") ?? "";
    case "image":
    case "video":
    case "document":
    case "sticker":
      return field("caption") ?? field("filename") ?? null;
    case "audio":
      return null;
    case "location":
      return [field("name"), field("address")].filter(Boolean).join(", ") || null;
    case "contacts":
      return contactNames(message.contacts) || null;
    case "button":
      return field("text") ?? null;
    case "interactive":
      return interactiveText(body);
    case "order":
      return field("text") || null;
    case "system":
      return field("body") ?? null;
    case "reaction":
      return field("emoji") || null;
    case "edit":
      return editedText(body);
    case "revoke":
      return null;
    default:
      return null;
  }
}

function interactiveText(body: Record<string, unknown> | undefined): string | null {
  const kind = typeof body?.type === "string" ? body.type : undefined;
  const reply = kind ? (body?.[kind] as Record<string, unknown> | undefined) : undefined;
  if (kind === "nfm_reply") {
    const fields = flowFields(reply?.response_json);
    if (fields?.length) return flowSummary(fields);
  }
  if (typeof reply?.title === "string") return reply.title;
  return typeof reply?.body === "string" ? reply.body : null;
}

function contactNames(contacts: unknown): string {
  if (!Array.isArray(contacts)) return "";
  return contacts
    .map((card) => (card as { name?: { formatted_name?: unknown } })?.name?.formatted_name)
    .filter((name): name is string => typeof name === "string" && !!name)
    .join(", ");
}

/** The new text of an edited message: its body or its caption. */
export function editedText(edit: Record<string, unknown> | undefined): string | null {
  const message = edit?.message as Record<string, unknown> | undefined;
  const type = typeof message?.type === "string" ? message.type : undefined;
  const part = type ? (message?.[type] as Record<string, unknown> | undefined) : undefined;
  if (typeof part?.body === "string") return part.body;
  return typeof part?.caption === "string" ? part.caption : null;
}

/** A one-line summary for conversation lists and notifications. */
export function previewText({ type, text, content }: { type: string; text: string | null; content?: unknown }): string {
  if (type === "text" && text) return text;
  const mediaKind = type === "audio" && (content as { audio?: { voice?: unknown } })?.audio?.voice === true ? "voice" : type;
  // Own keys only: a type such as "constructor" must not find Object's members.
  const label = Object.hasOwn(mediaLabels, mediaKind) ? mediaLabels[mediaKind] : undefined;
  if (label) return text ? `${label}: ${text}` : label;
  switch (type) {
    case "location":
      return text ? `Location: ${text}` : "Location";
    case "contacts":
      return text ? `Contact: ${text}` : "Contact card";
    case "reaction":
      return text ? `Reacted ${text}` : "Removed a reaction";
    case "order":
      return orderPreview(content);
    case "interactive":
      return text ? text.split("\n")[0] : "Reply";
    case "template":
      return text ? `Template: ${text}` : "Template";
    case "revoke":
      return "Deleted a message";
    case "edit":
      return text ? `Edited: ${text}` : "Edited a message";
    case "unsupported":
      return "Unsupported message";
    default:
      return text ?? "Unsupported message";
  }
}

function orderPreview(content: unknown): string {
  const { itemCount } = orderSummary((content as { order?: unknown })?.order);
  return itemCount ? `Order: ${itemCount} item${itemCount === 1 ? "" : "s"}` : "Order";
}
