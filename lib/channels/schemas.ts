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

export const addChannelSchema = z.strictObject({
  name,
  phoneNumberId: digits("The phone number id"),
  wabaId: digits("The WhatsApp Business Account id"),
  accessToken: secret("The access token"),
  appSecret: secret("The app secret"),
  verifyToken: secret("The verify token"),
});

/** Any subset; credentials only for channels added in the app (the others come from WHATSAPP_*). */
export const updateChannelSchema = z.strictObject({
  name: name.optional(),
  wabaId: digits("The WhatsApp Business Account id").optional(),
  accessToken: secret("The access token").optional(),
  appSecret: secret("The app secret").optional(),
  verifyToken: secret("The verify token").optional(),
  disabled: z.boolean().optional(),
});

export type AddChannelInput = z.output<typeof addChannelSchema>;
export type UpdateChannelInput = z.output<typeof updateChannelSchema>;
