// The body of POST /{page-id}/messages (the Send API) for one stored outbound message. What the
// domain stored (lib/conversations/build-messenger-outbound.ts) names the message type, its text
// or attachment, its quick replies and how it may be sent: messaging_type RESPONSE inside the 24 h
// window, MESSAGE_TAG with the HUMAN_AGENT tag after it. Our message id rides along as `metadata`,
// which Meta echoes back (message_echoes), so an echo of our own send is told from a reply made in
// the Page inbox or another tool.

export type StoredMessengerOutbound = { id: string; type: string; text: string | null; content: unknown };

/** The `metadata` prefix that marks a Page message as Switchboard's own send. */
export const METADATA_PREFIX = "switchboard:";

export type Messaging = { messaging_type: "RESPONSE" } | { messaging_type: "MESSAGE_TAG"; tag: "HUMAN_AGENT" };

const attachmentTypes: Record<string, string> = { image: "image", video: "video", audio: "audio", document: "file", sticker: "image" };

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** How the stored message may go out; a message stored without it is a plain response. */
export function messagingOf(content: unknown): Messaging {
  const messaging = record(record(content).messaging);
  return messaging.type === "MESSAGE_TAG" && messaging.tag === "HUMAN_AGENT"
    ? { messaging_type: "MESSAGE_TAG", tag: "HUMAN_AGENT" }
    : { messaging_type: "RESPONSE" };
}

export function sendApiPayload({ message, psid }: { message: StoredMessengerOutbound; psid: string }): Record<string, unknown> {
  const content = record(message.content);
  const metadata = `${METADATA_PREFIX}${message.id}`;
  let body: Record<string, unknown>;
  if (message.type === "text") {
    const quickReplies = Array.isArray(content.quickReplies) ? content.quickReplies.map(record) : [];
    body = {
      text: message.text ?? "",
      ...(quickReplies.length
        ? { quick_replies: quickReplies.map((reply) => ({ content_type: "text", title: reply.title, payload: reply.payload })) }
        : {}),
    };
  } else if (attachmentTypes[message.type]) {
    const attachmentId = record(content[message.type]).id;
    if (typeof attachmentId !== "string" || !attachmentId) throw new Error(`Message ${message.id} has no attachment to send`);
    body = { attachment: { type: attachmentTypes[message.type], payload: { attachment_id: attachmentId } } };
  } else {
    throw new Error(`Messenger cannot send a message of type ${message.type}`);
  }
  return { recipient: { id: psid }, ...messagingOf(message.content), message: { ...body, metadata } };
}

/** The Attachment Upload API's type for a file: image, video, audio, or file for anything else. */
export function attachmentTypeFor(mimeType: string): "image" | "video" | "audio" | "file" {
  const mime = mimeType.split(";")[0]!.trim().toLowerCase();
  if (mime.startsWith("image/")) return "image";
  if (mime.startsWith("video/")) return "video";
  if (mime.startsWith("audio/")) return "audio";
  return "file";
}
