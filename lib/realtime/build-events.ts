import {
  serializeConversation,
  serializeMessage,
  serializeNotification,
  type ConversationRow,
  type MessageRow,
  type NotificationRow,
} from "@/lib/conversations/serializers";
import type { ConversationDto, MessageDto, NotificationDto, PresenceDto } from "@/lib/conversations/types";
import { rooms, type StatsChangeDto } from "./events";

// Every socket event is built here, so each event's payload always comes from the same serializer
// as the JSON API and always goes to the same rooms (docs/architecture.md, "Realtime"): messages to
// whoever has their conversation open, conversations to their inbox, notifications to their user.
// The results are Publications: publish() sends them once the transaction has committed.

type Built<E extends string, P> = { event: E; payload: P; rooms: string[] };

export function messageCreated(row: MessageRow): Built<"message.created", MessageDto> {
  return { event: "message.created", payload: serializeMessage(row), rooms: [rooms.conversation(row.conversationId)] };
}

export function messageUpdated(row: MessageRow): Built<"message.updated", MessageDto> {
  return { event: "message.updated", payload: serializeMessage(row), rooms: [rooms.conversation(row.conversationId)] };
}

export function conversationCreated(row: ConversationRow): Built<"conversation.created", ConversationDto> {
  return { event: "conversation.created", payload: serializeConversation(row), rooms: [rooms.inbox(row.inboxId)] };
}

export function conversationUpdated(row: ConversationRow): Built<"conversation.updated", ConversationDto> {
  return { event: "conversation.updated", payload: serializeConversation(row), rooms: [rooms.inbox(row.inboxId)] };
}

export function notificationCreated(row: NotificationRow & { userId: string }): Built<"notification.created", NotificationDto> {
  return { event: "notification.created", payload: serializeNotification(row), rooms: [rooms.user(row.userId)] };
}

export function presenceUpdated(presence: PresenceDto): Built<"presence.updated", PresenceDto> {
  return { event: "presence.updated", payload: presence, rooms: [rooms.conversation(presence.conversationId)] };
}

export function statsChanged(changes: number, at = new Date()): Built<"stats.changed", StatsChangeDto> {
  return { event: "stats.changed", payload: { at: at.toISOString(), changes }, rooms: [rooms.stats()] };
}
