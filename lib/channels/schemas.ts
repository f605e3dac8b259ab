import { z } from "zod";

// Request bodies of /api/channels, shared by the routes that parse them and the forms that send them.

const digits = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{5,20}$/, { error: `${label} is the number Meta shows in WhatsApp Manager: digits only.` });
const secret = (label: string) =>
  z
    .string()
    .trim()
    .min(8, { error: `${label} looks too short: copy it whole from Meta's app dashboard.` })
    .max(1024);
const name = z
  .string()
  .trim()
  .min(1, { error: "Give the inbox a name agents will recognise." })
  .max(80, { error: "Use at most 80 characters for the name." });

export const addNumberSchema = z.strictObject({
  type: z.literal("whatsapp"),
  name,
  phoneNumberId: digits("The phone number id"),
  wabaId: digits("The WhatsApp Business Account id"),
  accessToken: secret("The access token"),
  appSecret: secret("The app secret"),
  verifyToken: secret("The verify token"),
});

export const addPageSchema = z.strictObject({
  type: z.literal("messenger"),
  name,
  pageId: z
    .string()
    .trim()
    .regex(/^\d{5,20}$/, { error: "The Page id is the number Meta shows in the Page's settings: digits only." }),
  accessToken: secret("The page access token"),
  appSecret: secret("The app secret"),
  verifyToken: secret("The verify token"),
  humanAgent: z.boolean().optional(),
});

/** A WhatsApp number (a body without "type" is one) or a Facebook Page. */
export const addChannelSchema = z.preprocess(
  (body) => (body && typeof body === "object" && !Array.isArray(body) && !("type" in body) ? { ...body, type: "whatsapp" } : body),
  z.discriminatedUnion("type", [addNumberSchema, addPageSchema]),
);

/**
 * Any subset; credentials only for channels added in the app (the others come from WHATSAPP_* or
 * MESSENGER_*). `humanAgent`: a Page's app has Meta's Human Agent permission (replies with the
 * HUMAN_AGENT tag up to 7 days after the customer wrote).
 */
export const updateChannelSchema = z.strictObject({
  name: name.optional(),
  wabaId: digits("The WhatsApp Business Account id").optional(),
  accessToken: secret("The access token").optional(),
  appSecret: secret("The app secret").optional(),
  verifyToken: secret("The verify token").optional(),
  disabled: z.boolean().optional(),
  humanAgent: z.boolean().optional(),
});

export type AddChannelInput = z.output<typeof addChannelSchema>;
/** What a client sends: a number's fields ("type" may be left out) or a Page's. */
export type AddChannelBody = (Omit<z.input<typeof addNumberSchema>, "type"> & { type?: "whatsapp" }) | z.input<typeof addPageSchema>;
export type AddNumberInput = z.output<typeof addNumberSchema>;
export type AddPageInput = z.output<typeof addPageSchema>;
export type UpdateChannelInput = z.output<typeof updateChannelSchema>;
