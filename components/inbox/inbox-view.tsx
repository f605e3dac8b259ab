"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { SendInput } from "@/lib/inbox/outbound-schema";
import type { ConversationDto, LabelDto, MessageDto, PresenceDto } from "@/lib/inbox/types";
import { ContactPanel } from "./contact-panel";
import { ConversationActions } from "./conversation-actions";
import { ConversationList } from "./conversation-list";
import { defaultFilter, type ListFilter } from "@/lib/inbox/list-filter";
import { ListFilters } from "./list-filters";
import { matchesFilter } from "./match-filter";
import { NotificationBell, Toasts, useAttention } from "./notifications";
import { PresenceBar } from "./presence-bar";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { Thread } from "./thread";
import { useInboxKeys } from "./use-inbox-keys";
import { useRealtime, type RealtimeSocket } from "./use-realtime";
import { workspaceApi, type CannedResponse, type ConversationPatch, type Teammate } from "./workspace-api";

type Props = { user: { id: string; name: string }; initialConversations: ConversationDto[]; initialCursor: string | null };

export function InboxView({ user, initialConversations, initialCursor }: Props) {
  const [filter, setFilter] = useState<ListFilter>(defaultFilter);
  const [conversations, setConversations] = useState(initialConversations);
  const [cursor, setCursor] = useState(initialCursor);
  const [listLoading, setListLoading] = useState(false);
  const [listError, setListError] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [selectedFallback, setSelectedFallback] = useState<ConversationDto | null>(null);
  const [messages, setMessages] = useState<MessageDto[]>([]);
  const [olderCursor, setOlderCursor] = useState<string | null>(null);
  const [threadError, setThreadError] = useState<string | null>(null);
  const [threadLoading, setThreadLoading] = useState(false);
  const [presence, setPresence] = useState<PresenceDto | null>(null);
  const [menu, setMenu] = useState<"assign" | "snooze" | "labels" | null>(null);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [labels, setLabels] = useState<LabelDto[]>([]);
  const [teammates, setTeammates] = useState<{ users: Teammate[]; teams: { id: string; name: string }[] }>({ users: [], teams: [] });
  const [canned, setCanned] = useState<CannedResponse[]>([]);
  const searchRef = useRef<HTMLInputElement>(null);
  const refs = useRef({ selectedId, filter });
  refs.current = { selectedId, filter };

  const unreadMine = conversations.filter((c) => c.assignee?.id === user.id).reduce((sum, c) => sum + c.unreadCount, 0);
  const attention = useAttention({ unreadMine });

  const loadList = useCallback(async () => {
    setListLoading(true);
    try {
      const page = await workspaceApi.list(refs.current.filter);
      setConversations(page.items);
      setCursor(page.nextCursor);
      setListError(null);
    } catch (error) {
      setListError((error as Error).message);
    } finally {
      setListLoading(false);
    }
  }, []);

  const loadMore = useCallback(async () => {
    if (!cursor || listLoading) return;
    setListLoading(true);
    try {
      const page = await workspaceApi.list({ ...refs.current.filter, cursor });
      setConversations((current) => [...current, ...page.items.filter((item) => !current.some((c) => c.id === item.id))]);
      setCursor(page.nextCursor);
    } catch (error) {
      setListError((error as Error).message);
    } finally {
      setListLoading(false);
    }
  }, [cursor, listLoading]);

  const loadThread = useCallback(async (conversationId: string, socket: RealtimeSocket | null) => {
    setThreadError(null);
    setThreadLoading(true);
    socket?.emit("conversation.join", conversationId, () => {});
    try {
      const page = await workspaceApi.messages(conversationId);
      if (refs.current.selectedId !== conversationId) return;
      setMessages(page.items);
      setOlderCursor(page.nextCursor);
    } catch (error) {
      setThreadError((error as Error).message);
    } finally {
      if (refs.current.selectedId === conversationId) setThreadLoading(false);
    }
  }, []);

  const { socket, connected } = useRealtime((connectedSocket) => {
    // Every (re)connection: catch up on whatever happened while the socket was away.
    void loadList();
    if (refs.current.selectedId) void loadThread(refs.current.selectedId, connectedSocket);
  });

  useEffect(() => {
    void workspaceApi
      .labels()
      .then((r) => setLabels(r.items))
      .catch(() => undefined);
    void workspaceApi
      .teammates()
      .then(setTeammates)
      .catch(() => undefined);
    void workspaceApi
      .canned()
      .then((r) => setCanned(r.items))
      .catch(() => undefined);
  }, []);

  // The server rendered the first page for the default filter; reload only when the filter changes.
  const renderedFilter = useRef(filter);
  useEffect(() => {
    if (filter === renderedFilter.current) return;
    renderedFilter.current = filter;
    void loadList();
  }, [filter, loadList]);

  useEffect(() => {
    if (!socket) return;
    const onConversation = (conversation: ConversationDto) => {
      setConversations((current) => {
        const previous = current.find((c) => c.id === conversation.id);
        if (
          previous &&
          conversation.assignee?.id === user.id &&
          conversation.unreadCount > previous.unreadCount &&
          conversation.id !== refs.current.selectedId
        ) {
          attention.alert(
            `New message from ${conversation.contact.name ?? `+${conversation.contact.waId}`}: ${conversation.lastMessagePreview ?? ""}`,
            conversation.id,
          );
        }
        const rest = current.filter((c) => c.id !== conversation.id);
        // Keep the open conversation in view even if it no longer matches the filter.
        const keep = matchesFilter(conversation, refs.current.filter, user.id) || conversation.id === refs.current.selectedId;
        if (!keep) return rest;
        if (!previous && refs.current.filter.q) return current;
        return sortList([conversation, ...rest], refs.current.filter);
      });
      if (conversation.id === refs.current.selectedId) setSelectedFallback(conversation);
    };
    const onMessage = (message: MessageDto) => {
      if (message.conversationId !== refs.current.selectedId) return;
      setMessages((current) => {
        const index = current.findIndex((m) => m.id === message.id);
        if (index === -1) return [...current, message].sort((a, b) => a.timestamp.localeCompare(b.timestamp));
        const next = current.slice();
        next[index] = message;
        return next;
      });
      // A blocked customer's message counts as unread nowhere, so there is nothing to mark read.
      if (message.direction === "INBOUND" && !message.receivedWhileBlocked && !document.hidden)
        void workspaceApi.patch(message.conversationId, { markRead: true }).catch(() => undefined);
    };
    const onPresence = (next: PresenceDto) => next.conversationId === refs.current.selectedId && setPresence(next);
    socket.on("conversation.created", onConversation);
    socket.on("conversation.updated", onConversation);
    socket.on("message.created", onMessage);
    socket.on("message.updated", onMessage);
    socket.on("presence.updated", onPresence);
    socket.on("notification.created", attention.received);
    return () => {
      socket.off("conversation.created", onConversation);
      socket.off("conversation.updated", onConversation);
      socket.off("message.created", onMessage);
      socket.off("message.updated", onMessage);
      socket.off("presence.updated", onPresence);
      socket.off("notification.created", attention.received);
    };
  }, [socket, user.id, attention.alert, attention.received]);

  const select = useCallback(
    (conversationId: string) => {
      if (refs.current.selectedId === conversationId) return;
      if (refs.current.selectedId) socket?.emit("conversation.leave", refs.current.selectedId);
      refs.current.selectedId = conversationId;
      setSelectedId(conversationId);
      setMessages([]);
      setOlderCursor(null);
      setPresence(null);
      setMenu(null);
      setActionError(null);
      void loadThread(conversationId, socket);
      // Opened from a notification or the contact panel, it may not be in the current list.
      setSelectedFallback(conversations.find((c) => c.id === conversationId) ?? null);
      void workspaceApi
        .patch(conversationId, { markRead: true })
        .then(setSelectedFallback)
        .catch((error) => setThreadError((error as Error).message));
    },
    [conversations, loadThread, socket],
  );

  async function loadOlder() {
    if (!selectedId || !olderCursor) return;
    const page = await workspaceApi.messages(selectedId, olderCursor);
    setMessages((current) => [...page.items.filter((m) => !current.some((c) => c.id === m.id)), ...current]);
    setOlderCursor(page.nextCursor);
  }

  async function change(changes: ConversationPatch) {
    if (!selectedId) return;
    setMenu(null);
    try {
      const updated = await workspaceApi.patch(selectedId, changes);
      setSelectedFallback(updated);
      setConversations((current) => current.map((c) => (c.id === updated.id ? updated : c)));
      setActionError(null);
    } catch (error) {
      setActionError((error as Error).message);
    }
  }

  const addMessage = (message: MessageDto) =>
    setMessages((current) => (current.some((m) => m.id === message.id) ? current : [...current, message]));

  async function send(input: SendInput) {
    if (!selectedId) return;
    addMessage(await workspaceApi.send(selectedId, input));
  }

  async function note(text: string, mentions: string[]) {
    if (!selectedId) return;
    addMessage(await workspaceApi.note(selectedId, text, mentions));
  }

  async function retry(messageId: string) {
    if (!selectedId) return;
    try {
      const message = await workspaceApi.retry(selectedId, messageId);
      setMessages((current) => current.map((m) => (m.id === message.id ? message : m)));
    } catch (error) {
      setThreadError((error as Error).message);
    }
  }

  const selected = conversations.find((c) => c.id === selectedId) ?? selectedFallback;
  const move = (step: number) => {
    if (conversations.length === 0) return;
    const index = conversations.findIndex((c) => c.id === selectedId);
    const next = conversations[Math.min(conversations.length - 1, Math.max(0, index === -1 ? 0 : index + step))];
    if (next) select(next.id);
  };

  useInboxKeys({
    next: () => move(1),
    previous: () => move(-1),
    reply: () => focusComposer("reply"),
    note: () => focusComposer("note"),
    resolve: () => selected && void change({ status: selected.status === "RESOLVED" ? "OPEN" : "RESOLVED" }),
    assign: () => selected && setMenu("assign"),
    search: () => searchRef.current?.focus(),
    help: () => setShowShortcuts(true),
    escape: () => setMenu(null),
  });

  const emptyText = useMemo(() => {
    if (filter.q) return `Nothing matches “${filter.q}”.`;
    if (filter.assignee === "me") return "Nothing assigned to you. Take a conversation from Unassigned.";
    return "No conversations here. New WhatsApp chats appear the moment they arrive.";
  }, [filter]);

  return (
    <div className="flex h-full">
      <aside className="flex w-80 shrink-0 flex-col border-r border-slate-200 bg-white">
        <div className="flex items-center justify-between px-3 pt-2">
          <NotificationBell attention={attention} onOpen={select} />
          <div className="flex items-center gap-2 text-[11px] text-slate-500">
            <button onClick={() => setShowShortcuts(true)} className="rounded px-1.5 py-0.5 hover:bg-slate-100" title="Keyboard shortcuts">
              ?
            </button>
            <span
              data-testid="live-indicator"
              data-connected={connected}
              title={connected ? "Live" : "Reconnecting…"}
              className={`h-2 w-2 rounded-full ${connected ? "bg-emerald-500" : "bg-amber-400"}`}
            />
          </div>
        </div>
        <ListFilters filter={filter} onChange={setFilter} labels={labels} searchRef={searchRef} />
        <ConversationList
          conversations={conversations}
          selectedId={selectedId}
          onSelect={select}
          hasMore={!!cursor}
          loading={listLoading}
          onLoadMore={() => void loadMore()}
          error={listError}
          emptyText={emptyText}
        />
      </aside>
      <main className="flex min-w-0 flex-1 flex-col">
        {selected ? (
          <Thread
            conversation={selected}
            messages={messages}
            error={threadError}
            loading={threadLoading}
            onSend={send}
            onNote={note}
            onRetry={retry}
            hasOlder={!!olderCursor}
            onLoadOlder={loadOlder}
            socket={socket}
            presence={presence}
            me={user.id}
            teammates={teammates.users}
            canned={canned}
            actions={
              <ConversationActions
                conversation={selected}
                me={user.id}
                teammates={teammates.users}
                teams={teammates.teams}
                labels={labels}
                menu={menu}
                onMenu={setMenu}
                onChange={(changes) => void change(changes)}
              />
            }
            banner={
              <>
                <PresenceBar presence={presence} me={user.id} />
                {actionError && (
                  <p role="alert" className="border-b border-red-100 bg-red-50 px-4 py-1 text-xs text-red-700">
                    {actionError}
                  </p>
                )}
              </>
            }
          />
        ) : (
          <div className="flex flex-1 items-center justify-center p-8 text-center text-sm text-slate-500">
            {conversations.length ? "Pick a conversation on the left, or press j." : emptyText}
          </div>
        )}
      </main>
      {selected && <ContactPanel key={selected.contact.id} conversation={selected} onOpenConversation={select} />}
      <ShortcutsDialog open={showShortcuts} onClose={() => setShowShortcuts(false)} />
      <Toasts attention={attention} onOpen={select} />
    </div>
  );
}

function focusComposer(mode: "reply" | "note") {
  window.dispatchEvent(new CustomEvent("switchboard:compose", { detail: mode }));
}

function sortList(conversations: ConversationDto[], filter: ListFilter): ConversationDto[] {
  if (filter.sort === "waiting") {
    return conversations.sort((a, b) => (a.waitingSince ?? "9").localeCompare(b.waitingSince ?? "9") || a.id.localeCompare(b.id));
  }
  return conversations.sort((a, b) => b.lastMessageAt.localeCompare(a.lastMessageAt) || b.id.localeCompare(a.id));
}
