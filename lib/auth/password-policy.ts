import { phrase, type Phrase } from "@/lib/i18n/phrase";
import { commonPasswords } from "./common-passwords";

// What a new password must be, with no I/O: the server enforces it and the forms check it live as
// people type, with the same words.

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 72; // bcrypt reads no further than 72 bytes

/** Why a new password is not acceptable (a Phrase of the "password" messages), or null when it is. */
export function passwordProblem(password: string, { email, name }: { email?: string; name?: string } = {}): Phrase | null {
  if (password.length < MIN_PASSWORD_LENGTH) return phrase("password.tooShort", { min: MIN_PASSWORD_LENGTH });
  // TextEncoder rather than Buffer, so the forms can run the same check in the browser as the user types.
  if (new TextEncoder().encode(password).length > MAX_PASSWORD_LENGTH) return phrase("password.tooLong", { max: MAX_PASSWORD_LENGTH });
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower)) return phrase("password.common");
  if (/^(.)\1+$/.test(password)) return phrase("password.repeated");
  const local = email?.split("@")[0]?.toLowerCase();
  if ((local && local.length >= 4 && lower.includes(local)) || (name && name.length >= 4 && lower.includes(name.toLowerCase()))) {
    return phrase("password.personal");
  }
  return null;
}
