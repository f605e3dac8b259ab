import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import { memberOf } from "./find-conversation";
import { conversationInclude, serializeConversation } from "./serializers";
import type { ConversationDto, ConversationStatus } from "./types";

export type ConversationFilter = {
  status?: ConversationStatus;
  assignee?: "me" | "unassigned" | "all";
  q?: string;
  cursor?: string;
  limit?: number;
};

/** Newest activity first, paged by an opaque cursor (the last item's id). */
export async function listConversations({
  userId,
  filter = {},
}: {
  userId: string;
  filter?: ConversationFilter;
}): Promise<{ items: ConversationDto[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(filter.limit ?? 30, 1), 100);
  const where: Prisma.ConversationWhereInput = { ...memberOf(userId) };
  if (filter.status) where.status = filter.status;
  if (filter.assignee === "me") where.assigneeId = userId;
  if (filter.assignee === "unassigned") where.assigneeId = null;
  if (filter.q?.trim()) {
    const q = filter.q.trim();
    where.contact = {
      OR: [{ name: { contains: q, mode: "insensitive" } }, { waId: { contains: q.replace(/\D/g, "") || q } }],
    };
  }
  const rows = await db.conversation.findMany({
    where,
    include: conversationInclude,
    orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(filter.cursor ? { cursor: { id: filter.cursor }, skip: 1 } : {}),
  });
  const items = rows.slice(0, limit).map(serializeConversation);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
}
