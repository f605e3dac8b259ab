// The body of POST /{phone-number-id}/messages for one stored outbound message.
// The message's `content` already holds its type's object as Meta expects it (build-outbound.ts);
// this adds the recipient, the quoted wamid and our id as biz_opaque_callback_data, which Meta
// echoes in every status webhook.

export type StoredOutbound = {
  id: string;
  type: string;
  text: string | null;
  content: unknown;
  contextExternalId: string | null;
};

export function graphMessagePayload({
  message,
  recipient,
}: {
  message: StoredOutbound;
  recipient: { waId: string | null; bsuid: string | null };
}): Record<string, unknown> {
  const content = (message.content && typeof message.content === "object" ? message.content : {}) as Record<string, unknown>;
  // Replies stored before content was kept are plain text.
  const object = content[message.type] ?? (message.type === "text" ? { preview_url: false, body: message.text ?? "" } : undefined);
  if (!object) throw new Error(`Message ${message.id} has no ${message.type} content to send`);
  return {
    messaging_product: "whatsapp",
    recipient_type: "individual",
    ...(recipient.waId ? { to: recipient.waId } : { recipient: recipient.bsuid }),
    type: message.type,
    [message.type]: object,
    ...(message.contextExternalId ? { context: { message_id: message.contextExternalId } } : {}),
    biz_opaque_callback_data: message.id,
  };
}
