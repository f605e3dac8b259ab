import type { Prisma } from "@/lib/db/client";
import { notificationCreated } from "@/lib/realtime/build-events";
import type { Publication } from "@/lib/realtime/publish";

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
  kind: "mention" | "assigned" | "channel";
  body: string;
  conversationId?: string | null;
  messageId?: string | null;
}): Promise<Publication> {
  const row = await tx.notification.create({ data: { userId, kind, body, conversationId, messageId } });
  return notificationCreated(row);
}
