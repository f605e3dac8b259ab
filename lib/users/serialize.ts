import "server-only";
import type { Prisma } from "@/lib/db/client";
import type { Role } from "@/lib/auth/permissions";
import type { InviteRow, Ref, UserRow } from "./types";

// Rows as the Users page shows them. Invites store inbox and team ids; names are looked up when
// listing, and an inbox or team deleted since simply drops out.

export const userRowSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  active: true,
  deactivatedAt: true,
  lastSeenAt: true,
  createdAt: true,
  inboxes: { select: { inbox: { select: { id: true, name: true } } }, orderBy: { inbox: { name: "asc" } } },
  teams: { select: { team: { select: { id: true, name: true } } }, orderBy: { team: { name: "asc" } } },
} satisfies Prisma.UserSelect;

type UserRecord = Prisma.UserGetPayload<{ select: typeof userRowSelect }>;

export function toUserRow(user: UserRecord): UserRow {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role as Role,
    active: user.active,
    deactivatedAt: user.deactivatedAt?.toISOString() ?? null,
    lastSeenAt: user.lastSeenAt?.toISOString() ?? null,
    inboxes: user.inboxes.map((membership) => membership.inbox),
    teams: user.teams.map((membership) => membership.team),
    createdAt: user.createdAt.toISOString(),
  };
}

export const inviteRowInclude = { createdBy: { select: { name: true } } } satisfies Prisma.UserTokenInclude;

type InviteRecord = Prisma.UserTokenGetPayload<{ include: typeof inviteRowInclude }>;

export function toInviteRow(invite: InviteRecord, names: { inboxes: Ref[]; teams: Ref[] }): InviteRow {
  const pick = (refs: Ref[], ids: string[]) => refs.filter((ref) => ids.includes(ref.id));
  return {
    id: invite.id,
    email: invite.email ?? "",
    name: invite.name,
    role: (invite.role ?? "AGENT") as Role,
    inboxes: pick(names.inboxes, invite.inboxIds),
    teams: pick(names.teams, invite.teamIds),
    invitedBy: invite.createdBy?.name ?? null,
    expiresAt: invite.expiresAt.toISOString(),
    createdAt: invite.createdAt.toISOString(),
  };
}

/** Where an invite is still pending: not used, not withdrawn, not expired. */
export function pendingInviteWhere(now = new Date()): Prisma.UserTokenWhereInput {
  return { kind: "INVITE", usedAt: null, revokedAt: null, expiresAt: { gt: now } };
}
