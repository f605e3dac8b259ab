import type { Prisma } from "@/lib/db/client";
import type { BusinessMessageInput, CustomerInput, InboundMessageInput } from "@/lib/conversations/channel-input";
import { previewText } from "@/lib/whatsapp/inbound-content";
import { messageTypeOfAttachment } from "./attachment-rules";
import type { Attachment, PageMessage } from "./webhook-schema";

// A Messenger message (a customer's, or the Page's own echoed back) in the inbox's channel-neutral
// terms (lib/conversations/channel-input.ts). One inbox message per attachment: a message with
// three photos becomes three messages, the first under Meta's mid and the others under
// "<mid>#2", "<mid>#3", so each is stored once. Files are fetched by a job before their addresses
// expire; link shares, posts and other fallbacks keep their title and address.

/** The Facebook Page inbox's own app: an echo with this app id was written in the Page inbox. */
export const PAGE_INBOX_APP_ID = "26390203743090";

type Translated = Omit<InboundMessageInput, "referral" | "change" | "numberChange" | "forwarded" | "error"> & {
  media: InboundMessageInput["media"];
};

export function customerOf(psid: string): CustomerInput {
  return { waId: null, bsuid: null, psid, name: null, username: null };
}

function base(message: PageMessage, at: Date) {
  return { at, quotedExternalId: message.reply_to?.mid ?? null };
}

/** The message's parts: its text (with a quick reply's payload) and each attachment. */
export function translatePageMessage({ message, at }: { message: PageMessage; at: Date }): Translated[] {
  const parts: Translated[] = [];
  const attachments = message.attachments ?? [];
  if (message.text !== undefined || attachments.length === 0) {
    const text = message.text ?? "";
    const content: Record<string, unknown> = { text: { body: text } };
    if (message.quick_reply) content.quickReply = { payload: message.quick_reply.payload };
    parts.push({ ...base(message, at), externalId: message.mid, type: "text", text, content, preview: text || "Message", media: null });
  }
  for (const attachment of attachments) {
    const externalId = parts.length === 0 ? message.mid : `${message.mid}#${parts.length + 1}`;
    parts.push({ ...base(message, at), externalId, ...attachmentPart(attachment) });
  }
  return parts;
}

function attachmentPart(attachment: Attachment): Omit<Translated, "externalId" | "at" | "quotedExternalId"> {
  const payload = (attachment.payload ?? {}) as Record<string, unknown>;
  const url = typeof payload.url === "string" ? payload.url : (attachment.url ?? null);
  const title = (typeof payload.title === "string" ? payload.title : attachment.title) || null;
  const fileType = messageTypeOfAttachment(attachment.type);
  if (fileType) {
    const type = fileType === "reel" ? "video" : fileType;
    const content: Record<string, unknown> = { [type]: { url, ...(payload.sticker_id ? { sticker_id: payload.sticker_id } : {}) } };
    if (fileType === "reel") content.reel = { type: attachment.type, reel_video_id: payload.reel_video_id ?? null };
    return {
      type,
      text: null,
      content,
      preview: fileType === "reel" ? "Reel" : previewText({ type, text: null }),
      // Without an address there is nothing to fetch: the thread says so.
      media: {
        externalMediaId: url,
        mimeType: defaultMime[type] ?? "application/octet-stream",
        sha256: null,
        fileName: null,
        failure: url ? null : "Messenger sent no address for this file.",
      },
    };
  }
  if (attachment.type === "location") {
    const coordinates = (payload.coordinates ?? {}) as { lat?: unknown; long?: unknown };
    return {
      type: "location",
      text: title,
      content: { location: { latitude: coordinates.lat, longitude: coordinates.long, name: title, url } },
      preview: title ? `Location: ${title}` : "Location",
      media: null,
    };
  }
  // Link shares, posts, templates and anything else Messenger only describes.
  const label = attachment.type === "fallback" ? "Shared a link" : `Shared a ${attachment.type.replace(/_/g, " ")}`;
  return {
    type: "link",
    text: title ?? url ?? label,
    content: { link: { kind: attachment.type, url, title, payload: payload as Prisma.InputJsonValue } },
    preview: title ? `${label}: ${title}` : label,
    media: null,
  };
}

const defaultMime: Record<string, string> = {
  image: "image/jpeg",
  sticker: "image/png",
  video: "video/mp4",
  audio: "audio/mpeg",
  document: "application/octet-stream",
};

/** The Page's own message, echoed: where it was written (Switchboard's own are told apart by their metadata). */
export function translateEcho({ message, at }: { message: PageMessage; at: Date }): BusinessMessageInput[] {
  const origin = message.app_id === PAGE_INBOX_APP_ID ? "page_inbox" : message.app_id ? `app:${message.app_id}` : "page";
  return translatePageMessage({ message, at }).map((part) => ({
    externalId: part.externalId,
    at: part.at,
    type: part.type,
    text: part.text,
    content: part.content,
    preview: part.preview,
    media: part.media,
    origin,
  }));
}

/** A customer's message as the inbox stores it. */
export function translateCustomerMessage({ message, at }: { message: PageMessage; at: Date }): InboundMessageInput[] {
  return translatePageMessage({ message, at }).map((part) => ({
    ...part,
    error: null,
    forwarded: false,
    referral: null,
    change: null,
    numberChange: null,
  }));
}
