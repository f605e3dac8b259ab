import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Role } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertStillAdmin } from "./admin-rules";
import { resolveGrants } from "./memberships";
import { roleLabels } from "./choices";
import { sendMail } from "./send-mail";
import { inviteRowInclude, toInviteRow } from "./serialize";
import { newToken } from "./tokens";
import type { Actor, InviteRow, IssuedLink } from "./types";

/**
 * Invites someone by e-mail as `role`, to the given inboxes and teams. The link is valid for 7
 * days and is returned once (only its hash is stored); inviting the same address again withdraws
 * the earlier link. With SMTP configured the link is e-mailed as well.
 */
export async function createInvite({
  email,
  name,
  role,
  inboxIds,
  teamIds,
  actor,
}: {
  email: string;
  name?: string | null;
  role: Role;
  inboxIds: string[];
  teamIds: string[];
  actor: Actor;
}): Promise<IssuedLink & { invite: InviteRow }> {
  const existing = await db.user.findUnique({ where: { email }, select: { active: true } });
  if (existing) {
    throw new AppError(
      "CONFLICT",
      existing.active
        ? `${email} already has an account.`
        : `${email} already has an account, which is deactivated: reactivate it instead.`,
    );
  }
  const issued = newToken("INVITE");
  const invite = await db.$transaction(async (tx) => {
    await assertStillAdmin({ tx, actorId: actor.id });
    const grants = await resolveGrants({ tx, inboxIds, teamIds });
    await tx.userToken.updateMany({ where: { kind: "INVITE", email, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    const row = await tx.userToken.create({
      data: {
        kind: "INVITE",
        tokenHash: issued.tokenHash,
        email,
        name: name ?? null,
        role,
        inboxIds: grants.inboxes.map((inbox) => inbox.id),
        teamIds: grants.teams.map((team) => team.id),
        createdById: actor.id,
        expiresAt: issued.expiresAt,
      },
      include: inviteRowInclude,
    });
    await recordAudit(
      {
        actor: { id: actor.id, label: actor.name },
        action: "invite.created",
        target: { type: "invite", id: row.id },
        after: { email, name: name ?? null, role, inboxes: grants.inboxes, teams: grants.teams, expiresAt: issued.expiresAt },
      },
      tx,
    );
    return toInviteRow(row, grants);
  });

  const mail = await sendMail({
    to: email,
    subject: `${actor.name} invited you to Switchboard`,
    text: [
      `Hi${name ? ` ${name}` : ""},`,
      "",
      `${actor.name} has invited you to Switchboard, your team's shared WhatsApp inbox, as ${article(roleLabels[role])} ${roleLabels[role].toLowerCase()}.`,
      "",
      "Choose your password and get started here:",
      issued.link,
      "",
      `The link works once and until ${issued.expiresAt.toUTCString()}.`,
      "If you weren't expecting this, you can ignore this message.",
    ].join("\n"),
  });
  return { invite, link: issued.link, expiresAt: issued.expiresAt.toISOString(), ...mail };
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}
