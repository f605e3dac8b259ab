import type { Prisma } from "@/lib/db/client";
import { rooms } from "@/lib/realtime/events";
import type { Publication } from "@/lib/realtime/publish";
import type { NotificationDto } from "./types";

/** Stores a notification for a user and returns the event that tells their open browsers. */
export async function notify({
  tx,
  userId,
  kind,
  body,
  conversationId = null,
  messageId = null,
}: {
  tx: Prisma.TransactionClient;
  userId: string;
  kind: "mention" | "assigned";
  body: string;
  conversationId?: string | null;
  messageId?: string | null;
}): Promise<Publication> {
  const row = await tx.notification.create({ data: { userId, kind, body, conversationId, messageId } });
  return { event: "notification.created", payload: serializeNotification(row), rooms: [rooms.user(userId)] };
}

export function serializeNotification(row: {
  id: string;
  kind: string;
  conversationId: string | null;
  messageId: string | null;
  body: string;
  createdAt: Date;
  readAt: Date | null;
}): NotificationDto {
  return { ...row, createdAt: row.createdAt.toISOString(), readAt: row.readAt?.toISOString() ?? null };
}
