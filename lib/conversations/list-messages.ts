import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { memberOf } from "./find-conversation";
import { messageInclude, serializeMessage } from "./serializers";
import type { MessageDto } from "./types";

/** A page of a thread, oldest first; `cursor` (a message id) pages further back in time. */
export async function listMessages({
  conversationId,
  userId,
  cursor,
  limit = 50,
}: {
  conversationId: string;
  userId: string;
  cursor?: string;
  limit?: number;
}): Promise<{ items: MessageDto[]; nextCursor: string | null }> {
  // Membership only: one narrow query, not the conversation with its contact, labels and team.
  const member = await db.conversation.findFirst({ where: { id: conversationId, ...memberOf(userId) }, select: { id: true } });
  if (!member) throw new AppError("NOT_FOUND", phrase("errors.noSuchConversation"));
  const take = Math.min(Math.max(limit, 1), 200);
  const rows = await db.message.findMany({
    where: { conversationId },
    include: messageInclude,
    orderBy: [{ timestamp: "desc" }, { id: "desc" }],
    take: take + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, take);
  return {
    items: page.reverse().map(serializeMessage),
    nextCursor: rows.length > take ? page[0].id : null,
  };
}
