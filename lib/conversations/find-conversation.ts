import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { conversationInclude } from "./serializers";

/** The conversation if `userId` belongs to its inbox; otherwise NOT_FOUND (membership is in the query). */
export async function findConversationForUser({ conversationId, userId }: { conversationId: string; userId: string }) {
  const conversation = await db.conversation.findFirst({
    where: { id: conversationId, ...memberOf(userId) },
    include: conversationInclude,
  });
  if (!conversation) throw new AppError("NOT_FOUND", phrase("errors.noSuchConversation"));
  return conversation;
}

/** Prisma filter: conversations in the inboxes `userId` belongs to. */
export function memberOf(userId: string) {
  return { inbox: { members: { some: { userId } } } };
}
