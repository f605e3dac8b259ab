import "server-only";
import { db } from "@/lib/db/client";
import { ONLINE_WITHIN_MS } from "@/lib/realtime/presence";

/** Members of the user's inboxes, with teams and whether they are online now. */
export async function listTeammates({ userId }: { userId: string }) {
  const inboxIds = (await db.inboxMember.findMany({ where: { userId }, select: { inboxId: true } })).map((m) => m.inboxId);
  const users = await db.user.findMany({
    where: { inboxes: { some: { inboxId: { in: inboxIds } } } },
    select: { id: true, name: true, role: true, lastSeenAt: true, teams: { select: { team: { select: { id: true, name: true } } } } },
    orderBy: { name: "asc" },
  });
  const teams = await db.team.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
  const onlineSince = Date.now() - ONLINE_WITHIN_MS;
  return {
    users: users.map((user) => ({
      id: user.id,
      name: user.name,
      role: user.role,
      online: !!user.lastSeenAt && user.lastSeenAt.getTime() > onlineSince,
      teams: user.teams.map((membership) => membership.team),
    })),
    teams,
  };
}
