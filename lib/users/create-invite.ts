import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Role } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { phrase } from "@/lib/i18n/phrase";
import { translator } from "@/lib/i18n/translator";
import { assertStillAdmin } from "./admin-rules";
import { resolveGrants } from "./memberships";
import { sendMail } from "./send-mail";
import { inviteRowInclude, toInviteRow } from "./serialize";
import { newToken } from "./tokens";
import type { Actor, InviteRow, IssuedLink } from "./types";

/**
 * Invites someone by e-mail as `role`, to the given inboxes and teams. The link is valid for 7
 * days and is returned once (only its hash is stored); inviting the same address again withdraws
 * the earlier link. With SMTP configured the link is e-mailed as well, in `locale` (the inviting
 * admin's language: the invitee has none yet).
 */
export async function createInvite({
  email,
  name,
  role,
  inboxIds,
  teamIds,
  actor,
  locale,
}: {
  email: string;
  name?: string | null;
  role: Role;
  inboxIds: string[];
  teamIds: string[];
  actor: Actor;
  locale: Locale;
}): Promise<IssuedLink & { invite: InviteRow }> {
  const existing = await db.user.findUnique({ where: { email }, select: { active: true } });
  if (existing) {
    throw new AppError("CONFLICT", phrase(existing.active ? "errors.hasAccount" : "errors.hasDeactivatedAccount", { email }));
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

  const t = translator(locale);
  const mail = await sendMail({
    to: email,
    subject: t("email.inviteSubject", { inviter: actor.name }),
    text: t("email.inviteBody", {
      hasName: name ? "yes" : "no",
      name: name ?? "",
      inviter: actor.name,
      role,
      link: issued.link,
      expires: utcTime(locale, issued.expiresAt),
    }),
  });
  return { invite, link: issued.link, expiresAt: issued.expiresAt.toISOString(), ...mail };
}

/** E-mails name times in UTC: the reader's zone is not known. */
export function utcTime(locale: Locale, at: Date): string {
  return `${new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(at)} UTC`;
}
