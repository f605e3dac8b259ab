import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { enqueueSend } from "@/lib/jobs/queue";
import { rooms } from "@/lib/realtime/events";
import { publish } from "@/lib/realtime/publish";
import { previewText } from "@/lib/whatsapp/inbound-content";
import { findConversationForUser } from "./find-conversation";
import { conversationInclude, messageInclude, serializeConversation, serializeMessage } from "./serializers";
import type { MessageDto } from "./types";
import { serviceWindow } from "./window";

export const MAX_TEXT_LENGTH = 4096;

/**
 * An agent's free-form reply: stored as QUEUED, then handed to the send job, which calls the Graph
 * API. Refused outside the customer service window.
 */
export async function sendTextMessage({
  conversationId,
  text,
  actor,
}: {
  conversationId: string;
  text: string;
  actor: { id: string };
}): Promise<MessageDto> {
  const body = text.trim();
  if (!body) throw new AppError("INVALID_INPUT", "The message is empty.");
  if (body.length > MAX_TEXT_LENGTH) {
    throw new AppError("INVALID_INPUT", `Messages are limited to ${MAX_TEXT_LENGTH} characters (this one has ${body.length}).`);
  }

  const conversation = await findConversationForUser({ conversationId, userId: actor.id });
  if (!serviceWindow({ lastInboundAt: conversation.lastInboundAt }).open) {
    throw new AppError(
      "WINDOW_CLOSED",
      "More than 24 hours have passed since the customer last wrote, so WhatsApp only allows an approved template.",
    );
  }

  const now = new Date();
  const [message, updated] = await db.$transaction([
    db.message.create({
      data: {
        id: randomUUID(),
        channelId: conversation.channelId,
        conversationId,
        senderId: actor.id,
        direction: "OUTBOUND",
        type: "text",
        text: body,
        status: "QUEUED",
        timestamp: now,
      },
      include: messageInclude,
    }),
    db.conversation.update({
      where: { id: conversationId },
      data: {
        lastMessageAt: now,
        lastMessagePreview: previewText({ type: "text", text: body }),
        unreadCount: 0,
        assigneeId: conversation.assigneeId ?? actor.id,
      },
      include: conversationInclude,
    }),
  ]);

  publish(
    { event: "message.created", payload: serializeMessage(message), rooms: [rooms.conversation(conversationId)] },
    { event: "conversation.updated", payload: serializeConversation(updated), rooms: [rooms.inbox(conversation.channelId)] },
  );

  try {
    await enqueueSend({ messageId: message.id });
  } catch (error) {
    console.error("[send] could not queue message", message.id, error);
    const failed = await db.message.update({
      where: { id: message.id },
      data: { status: "FAILED", failedAt: new Date(), errorTitle: "Could not be queued for sending" },
      include: messageInclude,
    });
    publish({ event: "message.updated", payload: serializeMessage(failed), rooms: [rooms.conversation(conversationId)] });
    return serializeMessage(failed);
  }
  return serializeMessage(message);
}
