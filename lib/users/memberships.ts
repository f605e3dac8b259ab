import "server-only";
import type { Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Ref } from "./types";

// Inbox (ChannelMember) and team (TeamMember) memberships, set as whole lists.

const unique = (ids: string[]) => [...new Set(ids)];

/** The named inboxes and teams, refusing ids that name nothing (a stale form, a deleted inbox). */
export async function resolveGrants({
  tx,
  channelIds = [],
  teamIds = [],
}: {
  tx: Prisma.TransactionClient;
  channelIds?: string[];
  teamIds?: string[];
}) {
  const [channels, teams] = await Promise.all([
    tx.channel.findMany({ where: { id: { in: unique(channelIds) } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    tx.team.findMany({ where: { id: { in: unique(teamIds) } }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  if (channels.length !== unique(channelIds).length)
    throw new AppError("INVALID_INPUT", "One of the chosen inboxes no longer exists: reload the page.");
  if (teams.length !== unique(teamIds).length)
    throw new AppError("INVALID_INPUT", "One of the chosen teams no longer exists: reload the page.");
  return { channels, teams };
}

/** Makes the user's inboxes exactly `channels`; returns the list before, or null when nothing changed. */
export async function setInboxes({
  tx,
  userId,
  channels,
}: {
  tx: Prisma.TransactionClient;
  userId: string;
  channels: Ref[];
}): Promise<Ref[] | null> {
  const before = (
    await tx.channelMember.findMany({
      where: { userId },
      select: { channel: { select: { id: true, name: true } } },
      orderBy: { channel: { name: "asc" } },
    })
  ).map((row) => row.channel);
  if (sameIds(before, channels)) return null;
  const ids = channels.map((channel) => channel.id);
  await tx.channelMember.deleteMany({ where: { userId, channelId: { notIn: ids } } });
  await tx.channelMember.createMany({ data: ids.map((channelId) => ({ channelId, userId })), skipDuplicates: true });
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
