import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { ONLINE_WITHIN_MS } from "@/lib/realtime/presence";
import { serializeNotification } from "./serializers";

// The small lists the workspace needs: labels, teams, teammates, canned responses, notifications.
// Changes to the shared ones (labels, canned responses) go into the audit trail with who made them.

type Actor = { id: string; email: string };

export async function listLabels() {
  return db.label.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, color: true } });
}

export async function createLabel({ name, color, actor }: { name: string; color: string; actor: Actor }) {
  return db.$transaction(async (tx) => {
    const label = await tx.label.create({
      data: { name: name.trim().toLowerCase(), color },
      select: { id: true, name: true, color: true },
    });
    await recordAudit(
      { actor: { id: actor.id, label: actor.email }, action: "label.created", target: { type: "label", id: label.id }, after: label },
      tx,
    );
    return label;
  });
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

const cannedFields = { id: true, shortcut: true, title: true, body: true } as const;

/** Creates the reply under its shortcut, or replaces the one already there. */
export async function saveCannedResponse({
  shortcut,
  title,
  body,
  actor,
}: {
  shortcut: string;
  title: string;
  body: string;
  actor: Actor;
}) {
  const key = shortcut.replace(/^\//, "").trim().toLowerCase();
  return db.$transaction(async (tx) => {
    const before = await tx.cannedResponse.findUnique({ where: { shortcut: key }, select: cannedFields });
    const saved = await tx.cannedResponse.upsert({
      where: { shortcut: key },
      update: { title, body },
      create: { shortcut: key, title, body },
      select: cannedFields,
    });
    await recordAudit(
      {
        actor: { id: actor.id, label: actor.email },
        action: "canned_response.saved",
        target: { type: "canned_response", id: saved.id },
        before,
        after: saved,
      },
      tx,
    );
    return saved;
  });
}

export async function deleteCannedResponse({ id, actor }: { id: string; actor: Actor }) {
  await db.$transaction(async (tx) => {
    const before = await tx.cannedResponse.findUnique({ where: { id }, select: cannedFields });
    const deleted = await tx.cannedResponse.deleteMany({ where: { id } });
    if (!before || deleted.count === 0) throw new AppError("NOT_FOUND", "No such canned response.");
    await recordAudit(
      { actor: { id: actor.id, label: actor.email }, action: "canned_response.deleted", target: { type: "canned_response", id }, before },
      tx,
    );
  });
}

export async function listNotifications({ userId }: { userId: string }) {
  const rows = await db.notification.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take: 50 });
  const unread = await db.notification.count({ where: { userId, readAt: null } });
  return { items: rows.map(serializeNotification), unread };
}

export async function markNotificationsRead({ userId, ids }: { userId: string; ids?: string[] }) {
  await db.notification.updateMany({ where: { userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) }, data: { readAt: new Date() } });
}
