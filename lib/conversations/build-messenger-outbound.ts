import type { MessengerMessaging } from "./send-policy";
import type { Outbound } from "./build-outbound";
import type { QuickRepliesInput } from "./outbound-schema";

// What an agent's Messenger reply is stored as (the counterpart of build-outbound.ts): the inbox's
// message type, a readable text, and `content` with what the Send API needs — the text, the quick
// replies, the attachment id, and how it may go out (`messaging`: a response, or tagged HUMAN_AGENT,
// decided by send-policy.ts when the agent sends). Pure.

export function messengerTextOutbound({ text, messaging }: { text: string; messaging: MessengerMessaging }): Outbound {
  return { type: "text", text, content: { text: { body: text }, messaging } };
}

/** A quick reply's payload is what comes back when the customer taps it: its title unless given. */
export function messengerQuickRepliesOutbound({ input, messaging }: { input: QuickRepliesInput; messaging: MessengerMessaging }): Outbound {
  const quickReplies = input.replies.map((reply) => ({ title: reply.title, payload: reply.payload ?? reply.title }));
  return { type: "text", text: input.text, content: { text: { body: input.text }, quickReplies, messaging } };
}

export function messengerMediaOutbound({
  type,
  attachmentId,
  fileName,
  messaging,
}: {
  type: "image" | "video" | "audio" | "document";
  attachmentId: string;
  fileName: string | null;
  messaging: MessengerMessaging;
}): Outbound {
  return { type, text: type === "document" ? fileName : null, content: { [type]: { id: attachmentId }, messaging } };
}
