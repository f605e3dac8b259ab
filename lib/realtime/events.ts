// The socket.io contract shared by server and browser: event names are noun.verb, payloads are
// the serializers' DTOs. Rooms: user:<id>, inbox:<inboxId>, conversation:<id>, and stats (everyone
// who may see the dashboards).

import type { ConversationDto, MessageDto, NotificationDto, PresenceDto } from "@/lib/conversations/types";

export type ServerToClientEvents = {
  "message.created": (message: MessageDto) => void;
  "message.updated": (message: MessageDto) => void;
  "conversation.created": (conversation: ConversationDto) => void;
  "conversation.updated": (conversation: ConversationDto) => void;
  "presence.updated": (presence: PresenceDto) => void;
  "notification.created": (notification: NotificationDto) => void;
  /** The statistics changed (receipts, messages, conversations): dashboards refetch. At most one a second. */
  "stats.changed": (change: StatsChangeDto) => void;
};

export type StatsChangeDto = { at: string; changes: number };

export type ClientToServerEvents = {
  "conversation.join": (conversationId: string, ack: (result: { ok: boolean }) => void) => void;
  "conversation.leave": (conversationId: string) => void;
  // The agent started or stopped typing in a conversation they have joined.
  "typing.updated": (state: { conversationId: string; typing: boolean }) => void;
};

export type EventName = keyof ServerToClientEvents;
export type EventPayload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

export const rooms = {
  user: (id: string) => `user:${id}`,
  inbox: (inboxId: string) => `inbox:${inboxId}`,
  conversation: (id: string) => `conversation:${id}`,
  stats: () => "stats",
};
