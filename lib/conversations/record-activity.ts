import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/db/client";
import { messageCreated } from "@/lib/realtime/build-events";
import type { Publication } from "@/lib/realtime/publish";
import type { Activity } from "./activity";
import { messageInclude } from "./serializers";

/**
 * An activity line in the thread ("Alex assigned this to Sam", "Resolved"): a private message of
 * type "activity" that is never sent and never counts as the conversation's last message. It keeps
 * the event, not a sentence: each reader sees it in their own language (activity.ts).
 */
export async function recordActivity({
  tx,
  conversation,
  actorId,
  activity,
  at = new Date(),
}: {
  tx: Prisma.TransactionClient;
  /** The conversation, with its customer's channel (activity lines are messages of that channel). */
  conversation: { id: string; contact: { channelId: string } };
  actorId: string | null;
  activity: Activity;
  at?: Date;
}): Promise<Publication> {
  const message = await tx.message.create({
    data: {
      id: randomUUID(),
      channelId: conversation.contact.channelId,
      conversationId: conversation.id,
      senderId: actorId,
      direction: "OUTBOUND",
      type: "activity",
      activity,
      status: "RECEIVED",
      private: true,
      timestamp: at,
    },
    include: messageInclude,
  });
  return messageCreated(message);
}
