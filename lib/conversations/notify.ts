import type { Prisma } from "@/lib/db/client";
import { notificationCreated } from "@/lib/realtime/build-events";
import type { Publication } from "@/lib/realtime/publish";
import type { NotificationParams } from "./types";

/** Stores a notification for a user and returns the event that tells their open browsers. */
export async function notify({
  tx,
  userId,
  kind,
  params,
  conversationId = null,
  messageId = null,
}: {
  tx: Prisma.TransactionClient;
  userId: string;
  kind: "mention" | "assigned" | "channel";
  /** The values its words are made of (notification-text.ts), in the reader's language when shown. */
  params: NotificationParams;
  conversationId?: string | null;
  messageId?: string | null;
}): Promise<Publication> {
  const row = await tx.notification.create({ data: { userId, kind, params: params as Prisma.InputJsonObject, conversationId, messageId } });
  return notificationCreated(row);
}
