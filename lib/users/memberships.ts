import "server-only";
import type { Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import type { Ref } from "./types";

// Inbox (InboxMember) and team (TeamMember) memberships, set as whole lists.

const unique = (ids: string[]) => [...new Set(ids)];

/** The named inboxes and teams, refusing ids that name nothing (a stale form, a deleted inbox). */
export async function resolveGrants({
  tx,
  inboxIds = [],
  teamIds = [],
}: {
  tx: Prisma.TransactionClient;
  inboxIds?: string[];
  teamIds?: string[];
}) {
  const [inboxes, teams] = await Promise.all([
    tx.inbox.findMany({ where: { id: { in: unique(inboxIds) } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    tx.team.findMany({ where: { id: { in: unique(teamIds) } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  if (inboxes.length !== unique(inboxIds).length) throw new AppError("INVALID_INPUT", phrase("errors.inboxGone"));
  if (teams.length !== unique(teamIds).length) throw new AppError("INVALID_INPUT", phrase("errors.teamGone"));
  return { inboxes, teams };
}

/** Makes the user's inboxes exactly `inboxes`; returns the list before, or null when nothing changed. */
export async function setInboxes({
  tx,
  userId,
  inboxes,
}: {
  tx: Prisma.TransactionClient;
  userId: string;
  inboxes: Ref[];
}): Promise<Ref[] | null> {
  const before = (
    await tx.inboxMember.findMany({
      where: { userId },
      select: { inbox: { select: { id: true, name: true } } },
      orderBy: { inbox: { name: "asc" } },
    })
  ).map((row) => row.inbox);
  if (sameIds(before, inboxes)) return null;
  const ids = inboxes.map((inbox) => inbox.id);
  await tx.inboxMember.deleteMany({ where: { userId, inboxId: { notIn: ids } } });
  await tx.inboxMember.createMany({ data: ids.map((inboxId) => ({ inboxId, userId })), skipDuplicates: true });
  return before;
}

/** Makes the user's teams exactly `teams`; returns the list before, or null when nothing changed. */
export async function setTeams({
  tx,
  userId,
  teams,
}: {
  tx: Prisma.TransactionClient;
  userId: string;
  teams: Ref[];
}): Promise<Ref[] | null> {
  const before = (
    await tx.teamMember.findMany({
      where: { userId },
      select: { team: { select: { id: true, name: true } } },
      orderBy: { team: { name: "asc" } },
    })
  ).map((row) => row.team);
  if (sameIds(before, teams)) return null;
  const ids = teams.map((team) => team.id);
  await tx.teamMember.deleteMany({ where: { userId, teamId: { notIn: ids } } });
  await tx.teamMember.createMany({ data: ids.map((teamId) => ({ teamId, userId })), skipDuplicates: true });
  return before;
}

function sameIds(a: Ref[], b: Ref[]): boolean {
  const left = a.map((ref) => ref.id).sort();
  const right = b.map((ref) => ref.id).sort();
  return left.length === right.length && left.every((id, index) => id === right[index]);
}
