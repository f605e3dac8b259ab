import type { InboundMessage } from "./webhook-schema";

// Turns one inbound message into what the inbox stores: its type, a readable text (used for the
// thread, previews and search) and the type-specific content kept as Meta sent it.

type Stored = { type: string; text: string | null; content: Record<string, unknown> };

const mediaLabels: Record<string, string> = {
  image: "Photo",
  video: "Video",
  audio: "Audio",
  document: "Document",
  sticker: "Sticker",
};

export function inboundContent(message: InboundMessage): Stored {
  const { id: _id, from: _from, timestamp: _timestamp, type, ...rest } = message;
  const body = rest[type] as Record<string, unknown> | undefined;
  const content: Record<string, unknown> = { ...rest };
  return { type, text: readableText(type, body, message), content };
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
    case "button":
      return field("text") ?? null;
    case "interactive": {
      const kind = field("type");
      const reply = kind ? (body?.[kind] as Record<string, unknown> | undefined) : undefined;
      return typeof reply?.title === "string" ? reply.title : typeof reply?.body === "string" ? reply.body : null;
    }
    case "order":
      return field("text") ?? null;
    case "system":
      return field("body") ?? null;
    case "reaction":
      return field("emoji") ?? null;
    default:
      return message.errors?.[0]?.title ?? message.errors?.[0]?.message ?? null;
  }
}

/** A one-line summary for conversation lists and notifications. */
export function previewText({ type, text }: { type: string; text: string | null }): string {
  if (type === "text" && text) return text;
  const label = mediaLabels[type];
  if (label) return text ? `${label}: ${text}` : label;
  switch (type) {
    case "location":
      return text ? `Location: ${text}` : "Location";
    case "contacts":
      return "Contact card";
    case "reaction":
      return text ? `Reacted ${text}` : "Removed a reaction";
    case "order":
      return "Order";
    case "template":
      return text ? `Template: ${text}` : "Template";
    default:
      return text ?? "Unsupported message";
  }
}
