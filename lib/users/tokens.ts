import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { config } from "@/lib/config";

// Setup, invite and password-reset links carry a random token; the database keeps only its SHA-256,
// so a copy of the table (or a backup) opens nothing.

export const TOKEN_LIFETIME_MS = {
  SETUP: 60 * 60 * 1000,
  INVITE: 7 * 24 * 60 * 60 * 1000,
  PASSWORD_RESET: 60 * 60 * 1000,
} as const;

export const TOKEN_PATH = { SETUP: "/setup", INVITE: "/invite", PASSWORD_RESET: "/reset-password" } as const;

export type TokenKind = keyof typeof TOKEN_LIFETIME_MS;

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A fresh token, its hash for the database, its link and when it stops working. */
export function newToken(kind: TokenKind, now = new Date()) {
  const token = randomBytes(32).toString("base64url");
  return {
    token,
    tokenHash: hashToken(token),
    link: `${config().publicUrl}${TOKEN_PATH[kind]}?token=${token}`,
    expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[kind]),
  };
}
