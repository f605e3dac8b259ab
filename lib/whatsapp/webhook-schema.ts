import { z } from "zod";

// The shapes of Meta's webhook bodies (reference/whatsapp-cloud-api.md §2–3). Objects are loose:
// Meta adds fields over time, and an unknown field must never make a body fail.

export const webhookEnvelope = z.looseObject({
  object: z.string(),
  entry: z.array(
    z.looseObject({
      id: z.string().optional(),
      changes: z.array(z.looseObject({ field: z.string(), value: z.unknown() })).default([]),
    }),
  ),
});
export type WebhookEnvelope = z.infer<typeof webhookEnvelope>;

const metaError = z.looseObject({
  code: z.number(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
});
export type MetaError = z.infer<typeof metaError>;

const contact = z.looseObject({
  wa_id: z.string().optional(),
  user_id: z.string().optional(),
  profile: z.looseObject({ name: z.string().optional(), username: z.string().optional() }).optional(),
});

export const inboundMessage = z.looseObject({
  id: z.string(),
  from: z.string().optional(),
  from_user_id: z.string().optional(),
  timestamp: z.string(),
  type: z.string(),
  context: z
    .looseObject({
      from: z.string().optional(),
      id: z.string().optional(),
      forwarded: z.boolean().optional(),
      frequently_forwarded: z.boolean().optional(),
    })
    .optional(),
  errors: z.array(metaError).optional(),
});
export type InboundMessage = z.infer<typeof inboundMessage>;

export const statusReceipt = z.looseObject({
  id: z.string(),
  status: z.string(),
  timestamp: z.string(),
  recipient_id: z.string().optional(),
  recipient_user_id: z.string().optional(),
  biz_opaque_callback_data: z.string().optional(),
  conversation: z
    .looseObject({
      id: z.string().optional(),
      expiration_timestamp: z.string().optional(),
      origin: z.looseObject({ type: z.string().optional() }).optional(),
    })
    .optional(),
  pricing: z
    .looseObject({
      billable: z.boolean().optional(),
      pricing_model: z.string().optional(),
      type: z.string().optional(),
      category: z.string().optional(),
    })
    .optional(),
  errors: z.array(metaError).optional(),
});
export type StatusReceipt = z.infer<typeof statusReceipt>;

export const messagesValue = z.looseObject({
  metadata: z.looseObject({ phone_number_id: z.string(), display_phone_number: z.string().optional() }),
  contacts: z.array(contact).optional(),
  messages: z.array(inboundMessage).optional(),
  statuses: z.array(statusReceipt).optional(),
  errors: z.array(metaError).optional(),
});
export type MessagesValue = z.infer<typeof messagesValue>;

/** Unix seconds as Meta sends them (a string) → Date. */
export function metaTime(seconds: string | number): Date {
  return new Date(Number(seconds) * 1000);
}
