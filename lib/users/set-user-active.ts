import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { accessChanged, revokeSessions } from "@/lib/auth/access";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { assertAnotherAdmin, assertStillAdmin, lockUserAdministration } from "./admin-rules";
import { toUserRow, userRowSelect } from "./serialize";
import type { Actor, UserRow } from "./types";

/**
 * Deactivates or reactivates an account. Deactivating ends every session (the session version
 * moves on, so a reactivated user signs in afresh) and withdraws their unused password-reset links;
 * their conversations, messages and audit history stay as they are.
 */
export async function setUserActive({ userId, active, actor }: { userId: string; active: boolean; actor: Actor }): Promise<UserRow> {
  const changed = await db.$transaction(async (tx) => {
    await lockUserAdministration(tx);
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, name: true, role: true, active: true, deactivatedAt: true },
    });
    if (!user) throw new AppError("NOT_FOUND", phrase("errors.noSuchUser"));
    if (user.active === active) return false;
    const target = { type: "user", id: user.id };

    if (!active) {
      if (user.role === "ADMIN") await assertAnotherAdmin({ tx, user });
      if (user.id === actor.id) throw new AppError("UNPROCESSABLE", phrase("errors.cannotDeactivateSelf"));
      await assertStillAdmin({ tx, actorId: actor.id });
      const deactivatedAt = new Date();
      await tx.user.update({ where: { id: user.id }, data: { active: false, deactivatedAt } });
      await revokeSessions({ userId: user.id, tx });
      await tx.userToken.updateMany({
        where: { userId: user.id, kind: "PASSWORD_RESET", usedAt: null, revokedAt: null },
        data: { revokedAt: deactivatedAt },
      });
      await recordAudit(
        {
          actor: { id: actor.id, label: actor.name },
          action: "user.deactivated",
          target,
          before: { active: true },
          after: { active: false },
        },
        tx,
      );
      return true;
    }

    await assertStillAdmin({ tx, actorId: actor.id });
    await tx.user.update({ where: { id: user.id }, data: { active: true, deactivatedAt: null } });
    await recordAudit(
      {
        actor: { id: actor.id, label: actor.name },
        action: "user.reactivated",
        target,
        before: { active: false, deactivatedAt: user.deactivatedAt },
        after: { active: true },
      },
      tx,
    );
    return true;
  });
  if (changed) accessChanged({ userId });
  return toUserRow(await db.user.findUniqueOrThrow({ where: { id: userId }, select: userRowSelect }));
}
