import { z } from "zod";

// The shapes of Meta's webhook bodies (Meta's webhook reference). Objects are loose:
// Meta adds fields over time, and an unknown field must never make a body fail.

// The envelope is checked only as far as telling a notification from anything else: an object
// naming its `object`, with a list of entries. Each entry, change and item inside is checked on its
// own (read-webhook-items.ts), so one malformed piece never costs its siblings.
export const webhookEnvelope = z.looseObject({
  object: z.string(),
  entry: z.array(z.unknown()).refine((entries) => entries.length === 0 || entries.some(isPlainObject), {
    error: "holds no entry objects",
  }),
});
export type WebhookEnvelope = z.infer<typeof webhookEnvelope>;

export const webhookEntry = z.looseObject({
  id: z.string().max(64).optional(),
  changes: z.array(z.unknown()).default([]),
});

export const webhookChange = z.looseObject({ field: z.string().max(100), value: z.unknown() });

// Unix seconds, as Meta sends them: a string of digits. Anything else would store an invalid date.
const unixSeconds = z.string().regex(/^\d{1,12}$/, { error: "must be Unix seconds, as a string of digits" });
// Ids go into unique indexes, whose keys PostgreSQL limits to a few kilobytes.
const wamid = z.string().min(1).max(512);
const customerId = z.string().min(1).max(256);

const metaError = z.looseObject({
  code: z.int32(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
});
export type MetaError = z.infer<typeof metaError>;

export const messagesMetadata = z.looseObject({
  phone_number_id: z.string().min(1).max(64),
  display_phone_number: z.string().optional(),
});

export const webhookContact = z.looseObject({
  wa_id: customerId.optional(),
  user_id: customerId.optional(),
  profile: z.looseObject({ name: z.string().optional(), username: z.string().optional() }).optional(),
});

export const inboundMessage = z.looseObject({
  id: wamid,
  from: customerId.optional(),
  from_user_id: customerId.optional(),
  timestamp: unixSeconds,
  type: z.string().min(1).max(64),
  context: z
    .looseObject({
      from: z.string().optional(),
      id: wamid.optional(),
      forwarded: z.boolean().optional(),
      frequently_forwarded: z.boolean().optional(),
    })
    .optional(),
  errors: z.array(metaError).optional(),
});
export type InboundMessage = z.infer<typeof inboundMessage>;

export const statusReceipt = z.looseObject({
  id: wamid,
  status: z.string().min(1).max(64),
  timestamp: unixSeconds,
  recipient_id: z.string().optional(),
  recipient_user_id: z.string().optional(),
  biz_opaque_callback_data: z.string().optional(),
  conversation: z
    .looseObject({
      id: z.string().optional(),
      expiration_timestamp: unixSeconds.optional(),
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

export const valueErrors = z.array(metaError);

/** A "messages" change as processing sees it: only its items that passed their own checks. */
export type MessagesValue = {
  metadata: z.infer<typeof messagesMetadata>;
  contacts?: z.infer<typeof webhookContact>[];
  messages?: InboundMessage[];
  statuses?: StatusReceipt[];
  errors?: MetaError[];
};

/** Unix seconds as Meta sends them (a string) → Date. */
export function metaTime(seconds: string | number): Date {
  return new Date(Number(seconds) * 1000);
}

function isPlainObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
