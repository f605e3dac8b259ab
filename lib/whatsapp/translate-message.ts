import type { Prisma } from "@/lib/db/client";
import type { CustomerInput, InboundMessageInput, MessageChangeInput } from "@/lib/conversations/channel-input";
import { describeMetaError } from "./error-messages";
import { editedText, inboundContent, previewText } from "./inbound-content";
import { isMediaType } from "./media-rules";
import { metaTime, type InboundMessage, type MessagesValue } from "./webhook-schema";

// One of Meta's inbound messages in the domain's words (lib/conversations/channel-input.ts): who wrote,
// and what they said or changed. Pure: the domain's receiveMessage() does every write.

export function translateMessage({ value, message }: { value: MessagesValue; message: InboundMessage }): {
  customer: CustomerInput;
  message: InboundMessageInput;
} {
  const profile =
    value.contacts?.find((c) => (c.wa_id && c.wa_id === message.from) || (c.user_id && c.user_id === message.from_user_id)) ??
    value.contacts?.[0];
  const customer = {
    waId: message.from || profile?.wa_id || null,
    bsuid: message.from_user_id ?? profile?.user_id ?? null,
    name: profile?.profile?.name ?? null,
    username: profile?.profile?.username ?? null,
  };
  const stored = inboundContent(message, { valueErrors: value.errors });
  const system = message.type === "system" ? (message.system as { type?: string; wa_id?: string } | undefined) : undefined;
  return {
    customer,
    message: {
      externalId: message.id,
      at: metaTime(message.timestamp),
      type: stored.type,
      text: stored.text,
      content: stored.content,
      error: stored.error,
      preview: previewText(stored),
      quotedExternalId: message.context?.id ?? null,
      forwarded: message.context?.forwarded === true || message.context?.frequently_forwarded === true,
      referral: (message.referral as Prisma.InputJsonValue | undefined) ?? null,
      media: inboundMedia(message),
      change: messageChange(message),
      numberChange: system?.type === "user_changed_number" ? { newWaId: system.wa_id } : null,
    },
  };
}

/** Reactions, edits and deletions point at an earlier message by its wamid. */
function messageChange(message: InboundMessage): MessageChangeInput | null {
  const part = message[message.type] as Record<string, unknown> | undefined;
  switch (message.type) {
    case "reaction":
      return {
        kind: "reaction",
        targetExternalId: typeof part?.message_id === "string" ? part.message_id : undefined,
        emoji: typeof part?.emoji === "string" ? part.emoji : undefined,
      };
    case "edit":
      return { kind: "edit", originalExternalId: part?.original_message_id, text: editedText(part) };
    case "revoke":
      return { kind: "revoke", originalExternalId: part?.original_message_id };
    default:
      return null;
  }
}

/** A photo, video, audio, voice note, document or sticker arrives as a media id. */
function inboundMedia(message: InboundMessage): InboundMessageInput["media"] {
  if (!isMediaType(message.type)) return null;
  const part = (message[message.type] ?? {}) as Record<string, unknown>;
  const string = (value: unknown) => (typeof value === "string" && value ? value : null);
  const externalMediaId = string(part.id);
  return {
    externalMediaId,
    mimeType: string(part.mime_type) ?? "application/octet-stream",
    sha256: string(part.sha256),
    fileName: string(part.filename),
    failure: externalMediaId ? null : `${describeMetaError({ code: 131052 })} WhatsApp sent no media id.`,
  };
}
