import { baseMimeType, isAllowedMime, type MediaType } from "@/lib/whatsapp/media-rules";

// What Messenger carries as attachments, both ways: images (stickers arrive as images: PNG, GIF),
// video, audio and files, each up to 25 MB (Meta's limit for saved assets and attachments). The
// same allow-list as WhatsApp decides what Switchboard stores and serves: never SVG, and files only
// of document types.

export const MESSENGER_ATTACHMENT_LIMIT = 25 * 1024 * 1024;

/** The inbox's message type for a Messenger attachment type; null for what carries no file. */
export function messageTypeOfAttachment(type: string): MediaType | "reel" | null {
  switch (type) {
    case "image":
      return "image";
    case "sticker":
      return "sticker";
    case "video":
      return "video";
    case "audio":
      return "audio";
    case "file":
      return "document";
    case "reel":
    case "ig_reel":
      return "reel";
    default:
      return null;
  }
}

/** Whether a file of `mimeType` may be stored or sent as a Messenger message of `type`. */
export function isAllowedAttachment({ type, mimeType }: { type: string; mimeType: string }): boolean {
  if (type === "sticker" || type === "image") return isAllowedMime({ type: "image", mimeType });
  if (type === "reel") return isAllowedMime({ type: "video", mimeType });
  if (type === "video" || type === "audio") return isAllowedMime({ type, mimeType });
  return isAllowedMime({ type: "document", mimeType });
}

/** Which message type an agent's file goes out as on Messenger (no stickers: WebP is an image). */
export function outboundTypeFor(mimeType: string): "image" | "video" | "audio" | "document" {
  const mime = baseMimeType(mimeType);
  if (mime.startsWith("image/")) return "image";
  if (mime.startsWith("video/")) return "video";
  if (mime.startsWith("audio/")) return "audio";
  return "document";
}
