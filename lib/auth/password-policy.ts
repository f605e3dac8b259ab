import { commonPasswords } from "./common-passwords";

// What a new password must be, with no I/O: the server enforces it and the forms check it live as
// people type, with the same words.

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 72; // bcrypt reads no further than 72 bytes

/** Why a new password is not acceptable, in words, or null when it is. */
export function passwordProblem(password: string, { email, name }: { email?: string; name?: string } = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  // TextEncoder rather than Buffer, so the forms can run the same check in the browser as the user types.
  if (new TextEncoder().encode(password).length > MAX_PASSWORD_LENGTH)
    return `Use at most ${MAX_PASSWORD_LENGTH} bytes (about ${MAX_PASSWORD_LENGTH} letters).`;
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower)) return "That is one of the most common passwords: choose one nobody would guess.";
  if (/^(.)\1+$/.test(password)) return "A single character repeated is too easy to guess.";
  const local = email?.split("@")[0]?.toLowerCase();
  if ((local && local.length >= 4 && lower.includes(local)) || (name && name.length >= 4 && lower.includes(name.toLowerCase()))) {
    return "Don't build the password from your name or e-mail address.";
  }
  return null;
}
