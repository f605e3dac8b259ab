import { z } from "zod";

// The Page webhook's shapes (Meta's Messenger Platform webhook events): the envelope
// {"object":"page","entry":[{"id","time","messaging":[…]}]} — or "standby":[…] when another app of
// the Page owns the conversation — checked as a whole, then each event on its own, so one
// malformed event is named while its siblings are stored. Unknown fields pass through untouched.

export const pageEnvelope = z.object({
  object: z.literal("page"),
  entry: z.array(z.looseObject({})),
});
export type PageEnvelope = z.infer<typeof pageEnvelope>;

const id = z.union([z.string(), z.number()]).transform(String);
// Milliseconds, or (in some of Meta's own examples) seconds written as a string.
const time = z.union([z.number(), z.string().regex(/^\d+$/)]).transform((value) => {
  const number = Number(value);
  return new Date(number < 1e12 ? number * 1000 : number);
});

const attachment = z.looseObject({
  type: z.string(),
  payload: z.looseObject({}).nullish(),
  title: z.string().nullish(),
  url: z.string().nullish(),
});
export type Attachment = z.infer<typeof attachment>;

const message = z.looseObject({
  mid: z.string().min(1),
  text: z.string().optional(),
  quick_reply: z.looseObject({ payload: z.string() }).optional(),
  reply_to: z.looseObject({ mid: z.string() }).optional(),
  attachments: z.array(attachment).optional(),
  is_echo: z.boolean().optional(),
  app_id: id.optional(),
  metadata: z.string().optional(),
  is_deleted: z.boolean().optional(),
});
export type PageMessage = z.infer<typeof message>;

const referral = z.looseObject({
  ref: z.string().nullish(),
  source: z.string().nullish(),
  type: z.string().nullish(),
  ad_id: id.nullish(),
  referer_uri: z.string().nullish(),
  ads_context_data: z.looseObject({}).nullish(),
});
export type PageReferral = z.infer<typeof referral>;

const handover = z.looseObject({
  previous_owner_app_id: id.nullish(),
  new_owner_app_id: id.nullish(),
  requested_owner_app_id: id.nullish(),
  metadata: z.string().nullish(),
});

/** One entry of messaging[] or standby[]: who, to whom, when, and the one thing that happened. */
export const messagingEvent = z.looseObject({
  sender: z.looseObject({ id: id.optional(), user_ref: z.string().optional() }),
  recipient: z.looseObject({ id: id }),
  timestamp: time.optional(),
  message: message.optional(),
  message_edit: z.looseObject({ mid: z.string(), text: z.string().optional() }).optional(),
  postback: z
    .looseObject({
      mid: z.string().optional(),
      title: z.string().optional(),
      payload: z.string().optional(),
      referral: referral.optional(),
    })
    .optional(),
  referral: referral.optional(),
  reaction: z
    .looseObject({ mid: z.string(), action: z.string(), emoji: z.string().optional(), reaction: z.string().optional() })
    .optional(),
  delivery: z.looseObject({ mids: z.array(z.string()).optional(), watermark: time }).optional(),
  read: z.looseObject({ watermark: time }).optional(),
  pass_thread_control: handover.optional(),
  take_thread_control: handover.optional(),
  request_thread_control: handover.optional(),
});
export type MessagingEvent = z.infer<typeof messagingEvent>;
