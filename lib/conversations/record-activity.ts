import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/db/client";
import { messageCreated } from "@/lib/realtime/build-events";
import type { Publication } from "@/lib/realtime/publish";
import { messageInclude } from "./serializers";

/**
 * An activity line in the thread ("Alex assigned this to Sam", "Resolved"): a private message of
 * type "activity" that is never sent and never counts as the conversation's last message.
 */
export async function recordActivity({
  tx,
  conversation,
  actorId,
  text,
  at = new Date(),
}: {
  tx: Prisma.TransactionClient;
  /** The conversation, with its customer's channel (activity lines are messages of that channel). */
  conversation: { id: string; contact: { channelId: string } };
  actorId: string | null;
  text: string;
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
      text,
      status: "RECEIVED",
      private: true,
      timestamp: at,
    },
    include: messageInclude,
  });
  return messageCreated(message);
}
