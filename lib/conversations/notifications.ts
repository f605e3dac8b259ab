import "server-only";
import { db } from "@/lib/db/client";
import { serializeNotification } from "./serializers";

// A user's own notifications (mentions, assignments) as the bell lists them.

export async function listNotifications({ userId }: { userId: string }) {
  const rows = await db.notification.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take: 50 });
  const unread = await db.notification.count({ where: { userId, readAt: null } });
  return { items: rows.map(serializeNotification), unread };
}

export async function markNotificationsRead({ userId, ids }: { userId: string; ids?: string[] }) {
  await db.notification.updateMany({ where: { userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) }, data: { readAt: new Date() } });
}
