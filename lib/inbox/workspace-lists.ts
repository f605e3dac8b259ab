import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { ONLINE_WITHIN_MS } from "@/lib/realtime/presence";
import { serializeNotification } from "./notify";

// The small lists the workspace needs: labels, teams, teammates, canned responses, notifications.

export async function listLabels() {
  return db.label.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, color: true } });
}

export async function createLabel({ name, color }: { name: string; color: string }) {
  return db.label.create({ data: { name: name.trim().toLowerCase(), color }, select: { id: true, name: true, color: true } });
}

/** Members of the user's inboxes, with teams and whether they are online now. */
export async function listTeammates({ userId }: { userId: string }) {
  const channelIds = (await db.channelMember.findMany({ where: { userId }, select: { channelId: true } })).map((m) => m.channelId);
  const users = await db.user.findMany({
    where: { memberships: { some: { channelId: { in: channelIds } } } },
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

export async function listCannedResponses() {
  return db.cannedResponse.findMany({ orderBy: { shortcut: "asc" }, select: { id: true, shortcut: true, title: true, body: true } });
}

export async function saveCannedResponse({ shortcut, title, body }: { shortcut: string; title: string; body: string }) {
  const key = shortcut.replace(/^\//, "").trim().toLowerCase();
  return db.cannedResponse.upsert({
    where: { shortcut: key },
    update: { title, body },
    create: { shortcut: key, title, body },
    select: { id: true, shortcut: true, title: true, body: true },
  });
}

export async function deleteCannedResponse({ id }: { id: string }) {
  const deleted = await db.cannedResponse.deleteMany({ where: { id } });
  if (deleted.count === 0) throw new AppError("NOT_FOUND", "No such canned response.");
}

export async function listNotifications({ userId }: { userId: string }) {
  const rows = await db.notification.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take: 50 });
  const unread = await db.notification.count({ where: { userId, readAt: null } });
  return { items: rows.map(serializeNotification), unread };
}

export async function markNotificationsRead({ userId, ids }: { userId: string; ids?: string[] }) {
  await db.notification.updateMany({ where: { userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) }, data: { readAt: new Date() } });
}
