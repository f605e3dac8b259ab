import "server-only";
import { db, type Prisma, type UserToken } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase, type Phrase } from "@/lib/i18n/phrase";
import { hashToken, type TokenKind } from "./tokens";

// A link's token looked up by its hash, with why it cannot be used, as a sentence for the page that
// refuses it (the "links" messages say it for each kind of link).

export type TokenLookup =
  { ok: true; row: UserToken } | { ok: false; problem: "unknown" | "expired" | "used" | "revoked"; message: Phrase };

export async function findToken({
  token,
  kind,
  tx,
}: {
  token: string | undefined | null;
  kind: TokenKind;
  tx?: Prisma.TransactionClient;
}): Promise<TokenLookup> {
  const row = token ? await (tx ?? db).userToken.findUnique({ where: { tokenHash: hashToken(token) } }) : null;
  if (!row || row.kind !== kind) {
    return { ok: false, problem: "unknown", message: phrase("links.unknown", { kind }) };
  }
  if (row.revokedAt) return { ok: false, problem: "revoked", message: phrase("links.revoked", { kind }) };
  if (row.usedAt) return { ok: false, problem: "used", message: phrase("links.used", { kind }) };
  if (row.expiresAt.getTime() <= Date.now()) return { ok: false, problem: "expired", message: phrase("links.expired", { kind }) };
  return { ok: true, row };
}

/** The usable token, or an error a form can show: 404 for an unknown one, 422 for a spent one. */
export async function requireToken(options: { token: string; kind: TokenKind; tx?: Prisma.TransactionClient }): Promise<UserToken> {
  const found = await findToken(options);
  if (!found.ok) throw new AppError(found.problem === "unknown" ? "NOT_FOUND" : "UNPROCESSABLE", found.message);
  return found.row;
}

/**
 * Marks the token used inside `tx`, only if it is still usable at this instant: of two requests
 * racing with one link, exactly one gets through.
 */
export async function consumeToken({ tx, id }: { tx: Prisma.TransactionClient; id: string }): Promise<void> {
  const now = new Date();
  const { count } = await tx.userToken.updateMany({
    where: { id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count === 0) throw new AppError("UNPROCESSABLE", phrase("links.justUsed"));
}
