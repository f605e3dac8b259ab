import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { accessChanged } from "@/lib/auth/access";
import type { Role } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { assertAnotherAdmin, assertStillAdmin, lockUserAdministration } from "./admin-rules";
import { resolveGrants, setInboxes, setTeams } from "./memberships";
import { toUserRow, userRowSelect } from "./serialize";
import type { Actor, UserRow } from "./types";

/**
 * An admin changes someone's role, inboxes or teams. Each change is its own audit event with the
 * value before and after. A role change does not end the user's sessions: every request reads the
 * role afresh, and their sockets are closed so they reconnect scoped to the new access.
 */
export async function updateUser({
  userId,
  role,
  inboxIds,
  teamIds,
  actor,
}: {
  userId: string;
  role?: Role;
  inboxIds?: string[];
  teamIds?: string[];
  actor: Actor;
}): Promise<UserRow> {
  const changed = await db.$transaction(async (tx) => {
    await lockUserAdministration(tx);
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, role: true, active: true } });
    if (!user) throw new AppError("NOT_FOUND", phrase("errors.noSuchUser"));
    const audit = (action: string, before: unknown, after: unknown) =>
      recordAudit({ actor: { id: actor.id, label: actor.name }, action, target: { type: "user", id: user.id }, before, after }, tx);
    let any = false;

    if (role && role !== user.role) {
      // The last admin first: it is the reason that matters when both apply.
      if (user.role === "ADMIN" && user.active) await assertAnotherAdmin({ tx, user });
      if (user.id === actor.id) throw new AppError("UNPROCESSABLE", phrase("errors.cannotChangeOwnRole"));
      await assertStillAdmin({ tx, actorId: actor.id });
      await tx.user.update({ where: { id: user.id }, data: { role } });
      await audit("user.role_changed", { role: user.role }, { role });
      any = true;
    }

    if (inboxIds || teamIds) {
      await assertStillAdmin({ tx, actorId: actor.id });
      const grants = await resolveGrants({ tx, inboxIds, teamIds });
      const inboxesBefore = inboxIds ? await setInboxes({ tx, userId: user.id, inboxes: grants.inboxes }) : null;
      if (inboxesBefore) await audit("user.inboxes_changed", { inboxes: inboxesBefore }, { inboxes: grants.inboxes });
      const teamsBefore = teamIds ? await setTeams({ tx, userId: user.id, teams: grants.teams }) : null;
      if (teamsBefore) await audit("user.teams_changed", { teams: teamsBefore }, { teams: grants.teams });
      any ||= !!inboxesBefore || !!teamsBefore;
    }
    return any;
  });
  // After the commit, so a reconnecting socket is scoped by what is now in the database.
  if (changed) accessChanged({ userId });
  return toUserRow(await db.user.findUniqueOrThrow({ where: { id: userId }, select: userRowSelect }));
}
