import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { hashPassword, needsRehash, verifyPassword } from "./password";
import { clearSignInFailures, recordSignInFailure } from "./sign-in-limits";

// Checks an e-mail and password for next-auth's credentials sign-in. Every attempt takes the same
// path whether or not the account exists (one bcrypt comparison, one counter write, one audit
// event), so the answer's timing says nothing about which e-mails have accounts.

export type AuthenticatedUser = { id: string; email: string; name: string; role: string; sessionVersion: number };

export async function authenticate({
  email,
  password,
  address,
}: {
  email: string;
  password: string;
  address: string;
}): Promise<AuthenticatedUser | null> {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true, sessionVersion: true },
  });
  const matches = await verifyPassword(password, user?.passwordHash ?? null);
  if (user && matches && user.active) {
    await clearSignInFailures({ email });
    await recordAudit({
      actor: { id: user.id, label: user.name },
      action: "auth.signed_in",
      target: { type: "user", id: user.id },
      after: { email: user.email, address },
      ip: address,
    });
    if (needsRehash(user.passwordHash)) {
      await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
    }
    return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
  }

  const { lockedOut } = await recordSignInFailure({ email, address });
  const reason = !user ? "no account has this e-mail" : !matches ? "wrong password" : "the account is deactivated";
  const target = user ? { type: "user", id: user.id } : { type: "email", id: email };
  await recordAudit({
    actor: { system: "sign-in" },
    action: "auth.sign_in_failed",
    target,
    reason,
    after: { email, address },
    ip: address,
  });
  if (lockedOut) {
    await recordAudit({
      actor: { system: "sign-in" },
      action: "auth.locked_out",
      target,
      reason: "too many failed sign-ins in 15 minutes",
      after: { email, address },
      ip: address,
    });
  }
  return null;
}
