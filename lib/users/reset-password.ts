import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { accessChanged, revokeSessions } from "@/lib/auth/access";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { clearSignInFailures } from "@/lib/auth/sign-in-limits";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase, type Phrase } from "@/lib/i18n/phrase";
import { consumeToken, findToken, requireToken } from "./find-token";

type ResetDetails = { ok: true; email: string; name: string } | { ok: false; message: Phrase };

/** Whose password a reset link is for, or why it can't be used. */
export async function passwordResetDetails({ token }: { token: string | undefined }): Promise<ResetDetails> {
  const found = await findToken({ token, kind: "PASSWORD_RESET" });
  if (!found.ok) return { ok: false, message: found.message };
  const user = found.row.userId
    ? await db.user.findUnique({ where: { id: found.row.userId }, select: { email: true, name: true, active: true } })
    : null;
  if (!user?.active) return { ok: false, message: phrase("links.deactivated") };
  return { ok: true, email: user.email, name: user.name };
}

/**
 * Sets a new password through a reset link: every existing session ends (whoever knew the old
 * password is out), the link is spent, and the account's failed sign-ins are forgotten so the
 * owner can sign in at once.
 */
export async function resetPassword({ token, password }: { token: string; password: string }): Promise<{ email: string }> {
  const reset = await requireToken({ token, kind: "PASSWORD_RESET" });
  const user = reset.userId
    ? await db.user.findUnique({ where: { id: reset.userId }, select: { id: true, email: true, name: true, active: true } })
    : null;
  if (!user?.active) throw new AppError("UNPROCESSABLE", phrase("links.deactivated"));
  const problem = passwordProblem(password, { email: user.email, name: user.name });
  if (problem) throw new AppError("INVALID_INPUT", problem, [{ path: "password", message: problem }]);
  const passwordHash = await hashPassword(password);

  await db.$transaction(async (tx) => {
    await consumeToken({ tx, id: reset.id });
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: new Date() } });
    await revokeSessions({ userId: user.id, tx });
    await recordAudit(
      {
        actor: { id: user.id, label: user.name },
        action: "user.password_reset",
        target: { type: "user", id: user.id },
        reason: "password-reset link",
        after: { tokenId: reset.id },
      },
      tx,
    );
  });
  accessChanged({ userId: user.id });
  await clearSignInFailures({ email: user.email });
  return { email: user.email };
}
