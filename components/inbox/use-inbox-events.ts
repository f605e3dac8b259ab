"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useEffectEvent, useMemo } from "react";
import {
  addNotification,
  applyConversationEvent,
  listRefresher,
  putConversation,
  putPresence,
  upsertMessage,
} from "@/components/api/cache";
import { api } from "@/components/api/client";
import type { ConversationDto, MessageDto, NotificationDto } from "@/lib/conversations/types";
import { useNotificationText } from "./notifications";
import type { RealtimeSocket } from "./use-realtime";

type Options = {
  socket: RealtimeSocket | null;
  me: string;
  openId: string | null;
  alert: (text: string, conversationId: string | null) => void;
};

/**
 * The socket's events, written into the query cache. Toasts are decided here, in the event
 * handler, from the cache as it was before the event: once per event, never inside a state updater.
 * They are worded here too, in the agent's language (a notification arrives as a kind and values).
 */
export function useInboxEvents({ socket, me, openId, alert }: Options) {
  const t = useTranslations("notifications");
  const notificationText = useNotificationText();
  const client = useQueryClient();
  const lists = useMemo(() => listRefresher(client), [client]);

  const onConversation = useEffectEvent((conversation: ConversationDto) => {
    const toast = applyConversationEvent(client, conversation, { me, openId });
    lists.schedule();
    if (toast) alert(t("newMessage", toast), conversation.id);
  });

  const onMessage = useEffectEvent((message: MessageDto) => {
    upsertMessage(client, message);
    // Read as it arrives in the open thread; a blocked customer's message counts as unread nowhere.
    if (message.conversationId === openId && message.direction === "INBOUND" && !message.receivedWhileBlocked && !document.hidden) {
      void api
        .patch(message.conversationId, { markRead: true })
        .then((conversation) => putConversation(client, conversation))
        .catch(() => undefined);
    }
  });

  const onNotification = useEffectEvent((notification: NotificationDto) => {
    addNotification(client, notification);
    alert(notificationText(notification), notification.conversationId);
  });

  useEffect(() => {
    if (!socket) return;
    const conversation = (value: ConversationDto) => onConversation(value);
    const message = (value: MessageDto) => onMessage(value);
    const notification = (value: NotificationDto) => onNotification(value);
    const presence = putPresence.bind(null, client);
    socket.on("conversation.created", conversation);
    socket.on("conversation.updated", conversation);
    socket.on("message.created", message);
    socket.on("message.updated", message);
    socket.on("presence.updated", presence);
    socket.on("notification.created", notification);
    return () => {
      socket.off("conversation.created", conversation);
      socket.off("conversation.updated", conversation);
      socket.off("message.created", message);
      socket.off("message.updated", message);
      socket.off("presence.updated", presence);
      socket.off("notification.created", notification);
      lists.cancel();
    };
  }, [socket, client, lists]);
}
