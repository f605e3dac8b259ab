import bcrypt from "bcryptjs";

// Passwords are hashed with bcrypt at cost 12 (about a quarter of a second here), so a stolen
// table is slow to guess through. Hashes made at a lower cost are upgraded at the next sign-in.

export const BCRYPT_COST = 12;

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
