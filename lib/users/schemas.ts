import { z } from "zod";
import { roles } from "@/lib/auth/permissions";
import { locales } from "@/lib/i18n/locales";
import { themes } from "./themes";

// Request bodies for the account and user-management API, shared by the route handlers that parse
// them and the forms that send them. Password rules are checked by passwordProblem(), which can
// answer in a sentence; here a password only has to be a string of a sane size. An issue's message
// names a key of the "errors" messages, which the API renders in the caller's language.

export const emailSchema = z.string().trim().toLowerCase().email({ error: "errors.enterEmail" }).max(254);
export const nameSchema = z.string().trim().min(1, { error: "errors.enterName" }).max(80, { error: "errors.nameTooLong" });
const password = z.string().min(1, { error: "errors.enterPassword" }).max(1024);
const token = z.string().min(16).max(200);
const ids = z.array(z.string().min(1).max(64)).max(200);

export const setupSchema = z.strictObject({ token, name: nameSchema, email: emailSchema, password });

export const inviteSchema = z.strictObject({
  email: emailSchema,
  name: nameSchema.nullish(),
  role: z.enum(roles),
  inboxIds: ids.default([]),
  teamIds: ids.default([]),
});

export const acceptInviteSchema = z.strictObject({ token, name: nameSchema, password });

export const resetPasswordSchema = z.strictObject({ token, password });

export const updateUserSchema = z.strictObject({
  role: z.enum(roles).optional(),
  inboxIds: ids.optional(),
  teamIds: ids.optional(),
});

export const updateAccountSchema = z.strictObject({
  name: nameSchema.optional(),
  locale: z.enum(locales).nullable().optional(),
  // Any zone the runtime knows; null follows the browser.
  timeZone: z.string().max(64).refine(isTimeZone, { error: "errors.chooseTimeZone" }).nullable().optional(),
  theme: z.enum(themes).optional(),
});

export const changePasswordSchema = z.strictObject({ currentPassword: password, newPassword: password });

export type InviteInput = z.input<typeof inviteSchema>;
export type UpdateUserInput = z.input<typeof updateUserSchema>;
export type UpdateAccountInput = z.input<typeof updateAccountSchema>;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
