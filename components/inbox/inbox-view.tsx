"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ConversationDto, MessageDto } from "@/lib/inbox/types";
import { api, type AssigneeFilter } from "./api";
import { ConversationList } from "./conversation-list";
import { Thread } from "./thread";
import { useRealtime, type RealtimeSocket } from "./use-realtime";

type Props = { user: { id: string; name: string }; initialConversations: ConversationDto[] };

export function InboxView({ user, initialConversations }: Props) {
  const [filter, setFilter] = useState<AssigneeFilter>("all");
  const [conversations, setConversations] = useState(initialConversations);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [messages, setMessages] = useState<MessageDto[]>([]);
  const [threadError, setThreadError] = useState<string | null>(null);
  const selectedRef = useRef<string | null>(null);
  selectedRef.current = selectedId;
  const filterRef = useRef(filter);
  filterRef.current = filter;

  const loadConversations = useCallback(async () => {
    const { items } = await api.conversations(filterRef.current);
    setConversations(items);
  }, []);

  const loadThread = useCallback(async (conversationId: string, socket: RealtimeSocket | null) => {
    setThreadError(null);
    socket?.emit("conversation.join", conversationId, () => {});
    try {
      const { items } = await api.messages(conversationId);
      if (selectedRef.current === conversationId) setMessages(items);
    } catch (error) {
      setThreadError((error as Error).message);
    }
  }, []);

  const { socket, connected } = useRealtime((connectedSocket) => {
    // Every (re)connection: catch up on whatever happened while the socket was away.
    void loadConversations();
    if (selectedRef.current) void loadThread(selectedRef.current, connectedSocket);
  });

  useEffect(() => {
    if (!socket) return;
    const upsertConversation = (conversation: ConversationDto) =>
      setConversations((current) => sortByActivity([conversation, ...current.filter((c) => c.id !== conversation.id)]));
    const upsertMessage = (message: MessageDto) => {
      if (message.conversationId !== selectedRef.current) return;
      setMessages((current) => {
        const index = current.findIndex((m) => m.id === message.id);
        if (index === -1) return [...current, message].sort(byTime);
        const next = current.slice();
        next[index] = message;
        return next;
      });
      if (message.direction === "INBOUND") void api.update(message.conversationId, { markRead: true }).catch(() => undefined);
    };
    socket.on("conversation.created", upsertConversation);
    socket.on("conversation.updated", upsertConversation);
    socket.on("message.created", upsertMessage);
    socket.on("message.updated", upsertMessage);
    return () => {
      socket.off("conversation.created", upsertConversation);
      socket.off("conversation.updated", upsertConversation);
      socket.off("message.created", upsertMessage);
      socket.off("message.updated", upsertMessage);
    };
  }, [socket]);

  useEffect(() => {
    void loadConversations();
  }, [filter, loadConversations]);

  function select(conversationId: string) {
    if (selectedId && selectedId !== conversationId) socket?.emit("conversation.leave", selectedId);
    setSelectedId(conversationId);
    setMessages([]);
    void loadThread(conversationId, socket);
    const conversation = conversations.find((c) => c.id === conversationId);
    if (conversation?.unreadCount) void api.update(conversationId, { markRead: true }).catch(() => undefined);
  }

  async function send(text: string) {
    if (!selectedId) return;
    const message = await api.send(selectedId, text);
    setMessages((current) => (current.some((m) => m.id === message.id) ? current : [...current, message]));
  }

  const selected = conversations.find((c) => c.id === selectedId) ?? null;
  const visible = conversations.filter((c) => matchesFilter(c, filter, user.id));

  return (
    <div className="flex h-full">
      <ConversationList
        conversations={visible}
        selectedId={selectedId}
        filter={filter}
        onFilter={setFilter}
        onSelect={select}
        connected={connected}
      />
      <main className="flex min-w-0 flex-1 flex-col">
        {selected ? (
          <Thread conversation={selected} messages={messages} error={threadError} onSend={send} />
        ) : (
          <div className="flex flex-1 items-center justify-center text-sm text-slate-500">
            {conversations.length ? "Pick a conversation on the left." : "No conversations yet. New WhatsApp chats appear here the moment they arrive."}
          </div>
        )}
      </main>
    </div>
  );
}

function matchesFilter(conversation: ConversationDto, filter: AssigneeFilter, userId: string): boolean {
  if (filter === "me") return conversation.assignee?.id === userId;
  if (filter === "unassigned") return !conversation.assignee;
  return true;
}

function sortByActivity(conversations: ConversationDto[]): ConversationDto[] {
  return conversations.sort((a, b) => b.lastMessageAt.localeCompare(a.lastMessageAt));
}

function byTime(a: MessageDto, b: MessageDto): number {
  return a.timestamp.localeCompare(b.timestamp);
}
