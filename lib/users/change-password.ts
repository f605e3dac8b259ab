import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { accessChanged, revokeSessions } from "@/lib/auth/access";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { recordSignInFailure, signInRetryAfter } from "@/lib/auth/sign-in-limits";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";

/**
 * A signed-in user changes their password, proving the current one first. Wrong guesses count
 * against the same limit as failed sign-ins, so a borrowed session can't be used to find the
 * password. Every session ends, this one included: the browser signs in again with the new
 * password right after (components/account/change-password-form.tsx), so only other devices notice.
 */
export async function changePassword({
  userId,
  currentPassword,
  newPassword,
  address,
}: {
  userId: string;
  currentPassword: string;
  newPassword: string;
  address: string;
}): Promise<{ email: string }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, passwordHash: true } });
  if (!user) throw new AppError("NOT_FOUND", phrase("errors.noSuchUser"));
  const wait = await signInRetryAfter({ email: user.email, address });
  if (wait !== null) {
    throw new AppError("FORBIDDEN", phrase("errors.tooManyWrongPasswords", { minutes: Math.ceil(wait / 60) }));
  }
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    await recordSignInFailure({ email: user.email, address });
    const wrong = phrase("errors.currentPasswordWrong");
    throw new AppError("UNPROCESSABLE", wrong, [{ path: "currentPassword", message: wrong }]);
  }
  const problem = passwordProblem(newPassword, { email: user.email, name: user.name });
  if (problem) throw new AppError("INVALID_INPUT", problem, [{ path: "newPassword", message: problem }]);
  if (newPassword === currentPassword) {
    throw new AppError("INVALID_INPUT", phrase("errors.samePassword"), [
      { path: "newPassword", message: phrase("errors.chooseDifferentPassword") },
    ]);
  }
  const passwordHash = await hashPassword(newPassword);

  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: new Date() } });
    await revokeSessions({ userId: user.id, tx });
    // A reset link made before the change would undo it.
    await tx.userToken.updateMany({
      where: { userId: user.id, kind: "PASSWORD_RESET", usedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await recordAudit(
      { actor: { id: user.id, label: user.name }, action: "user.password_changed", target: { type: "user", id: user.id } },
      tx,
    );
  });
  accessChanged({ userId: user.id });
  return { email: user.email };
}
