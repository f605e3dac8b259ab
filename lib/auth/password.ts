import bcrypt from "bcryptjs";
import { commonPasswords } from "./common-passwords";

// Passwords are hashed with bcrypt at cost 12 (about a quarter of a second here), so a stolen
// table is slow to guess through. Hashes made at a lower cost are upgraded at the next sign-in.

export const BCRYPT_COST = 12;
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 72; // bcrypt reads no further than 72 bytes

// A hash of nothing anyone knows, at the same cost, checked when the e-mail matches no account so
// that an unknown address takes as long to refuse as a wrong password.
const TIMING_EQUALISER = "$2b$12$rlLygVZs2E0DQxAAujSEYuWn5uU7nBG0YIAQM94mNVpfAf39xSrT2";

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

/** Compares against `hash`, or against a decoy of equal cost when there is no account. */
export function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  return bcrypt.compare(password, hash ?? TIMING_EQUALISER).then((match) => match && hash !== null);
}

export function needsRehash(hash: string): boolean {
  return bcrypt.getRounds(hash) < BCRYPT_COST;
}

/** Why a new password is not acceptable, in words, or null when it is. */
export function passwordProblem(password: string, { email, name }: { email?: string; name?: string } = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  // TextEncoder rather than Buffer, so the forms can run the same check in the browser as the user types.
  if (new TextEncoder().encode(password).length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} bytes (about ${MAX_PASSWORD_LENGTH} letters).`;
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower)) return "That is one of the most common passwords: choose one nobody would guess.";
  if (/^(.)\1+$/.test(password)) return "A single character repeated is too easy to guess.";
  const local = email?.split("@")[0]?.toLowerCase();
  if ((local && local.length >= 4 && lower.includes(local)) || (name && name.length >= 4 && lower.includes(name.toLowerCase()))) {
    return "Don't build the password from your name or e-mail address.";
  }
  return null;
}
