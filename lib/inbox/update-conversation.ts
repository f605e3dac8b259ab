import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { rooms } from "@/lib/realtime/events";
import { publish } from "@/lib/realtime/publish";
import { findConversationForUser } from "./find-conversation";
import { conversationInclude, serializeConversation } from "./serializers";
import type { ConversationDto, ConversationStatus } from "./types";

/** Changes status or assignee; marking read clears the unread count. */
export async function updateConversation({
  conversationId,
  actor,
  changes,
}: {
  conversationId: string;
  actor: { id: string };
  changes: { status?: ConversationStatus; assigneeId?: string | null; markRead?: boolean };
}): Promise<ConversationDto> {
  const conversation = await findConversationForUser({ conversationId, userId: actor.id });
  if (changes.assigneeId) {
    const member = await db.channelMember.findUnique({
      where: { channelId_userId: { channelId: conversation.channelId, userId: changes.assigneeId } },
    });
    if (!member) throw new AppError("UNPROCESSABLE", "That person is not a member of this inbox.");
  }
  const updated = await db.conversation.update({
    where: { id: conversationId },
    data: {
      status: changes.status,
      assigneeId: changes.assigneeId,
      ...(changes.markRead ? { unreadCount: 0 } : {}),
    },
    include: conversationInclude,
  });
  const dto = serializeConversation(updated);
  publish({ event: "conversation.updated", payload: dto, rooms: [rooms.inbox(conversation.channelId)] });
  return dto;
}
