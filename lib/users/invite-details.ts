import "server-only";
import type { Role } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { findToken } from "./find-token";
import type { Ref } from "./types";
import { phrase, type Phrase } from "@/lib/i18n/phrase";

export type InviteDetails =
  | { ok: true; email: string; name: string | null; role: Role; invitedBy: string | null; inboxes: Ref[]; teams: Ref[]; expiresAt: string }
  | { ok: false; message: Phrase; accountExists?: boolean };

/** What the invitation page shows: who invited whom, as what, or why the link can't be used. */
export async function inviteDetails({ token }: { token: string | undefined }): Promise<InviteDetails> {
  const found = await findToken({ token, kind: "INVITE" });
  if (!found.ok) return { ok: false, message: found.message };
  const invite = found.row;
  const email = invite.email ?? "";
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    return {
      ok: false,
      accountExists: true,
      message: phrase("links.accountExists", { email }),
    };
  }
  const [invitedBy, inboxes, teams] = await Promise.all([
    invite.createdById ? db.user.findUnique({ where: { id: invite.createdById }, select: { name: true } }) : null,
    db.inbox.findMany({ where: { id: { in: invite.inboxIds } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.team.findMany({ where: { id: { in: invite.teamIds } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    ok: true,
    email,
    name: invite.name,
    role: (invite.role ?? "AGENT") as Role,
    invitedBy: invitedBy?.name ?? null,
    inboxes,
    teams,
    expiresAt: invite.expiresAt.toISOString(),
  };
}
