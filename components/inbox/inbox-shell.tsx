"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import { refetchAfterReconnect } from "@/components/api/cache";
import { useConversations } from "@/components/api/hooks";
import { keys } from "@/components/api/queries";
import type { ConversationPage } from "@/components/api/types";
import { InboxContext, type InboxContextValue } from "./inbox-context";
import { ListPane } from "./list-pane";
import { Toasts, useAttention } from "./notifications";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { useInboxEvents } from "./use-inbox-events";
import { useInboxKeys } from "./use-inbox-keys";
import { searchFromFilter, useListFilter } from "./use-list-filter";
import { useInboxPane } from "./use-inbox-pane";
import { useOpenConversation } from "./use-open-conversation";
import { useRealtime } from "./use-realtime";

type Props = {
  user: { id: string; name: string };
  // The first page of the default list, rendered with the layout so the inbox opens filled.
  initialPage: ConversationPage;
  children: React.ReactNode;
};

/**
 * The inbox around whatever the URL opens: the socket, the list pane, toasts and the shortcuts that
 * move through the list. It stays mounted while the agent switches conversations.
 */
export function InboxShell({ user, initialPage, children }: Props) {
  const client = useQueryClient();
  const [openId, openConversation] = useOpenConversation();
  const [filter] = useListFilter();
  const list = useConversations(filter, searchFromFilter(filter) === "" ? initialPage : undefined);
  const unreadMine = list.items.filter((c) => c.assignee?.id === user.id).reduce((sum, c) => sum + c.unreadCount, 0);
  const attention = useAttention({ unreadMine });
  const [showShortcuts, setShowShortcuts] = useState(false);
  const { pane } = useInboxPane();
  const searchRef = useRef<HTMLInputElement>(null);

  const { socket, connected } = useRealtime((_socket, first) => {
    // The first connection catches up on the list rendered before it; a reconnection on everything
    // shown, since events may have been missed while the socket was away.
    void (first ? client.invalidateQueries({ queryKey: [...keys.conversations, "list"] }) : refetchAfterReconnect(client));
  });
  useInboxEvents({ socket, me: user.id, openId, alert: attention.alert });

  const move = (step: number) => {
    if (list.items.length === 0) return;
    const index = list.items.findIndex((c) => c.id === openId);
    const next = list.items[Math.min(list.items.length - 1, Math.max(0, index === -1 ? 0 : index + step))];
    if (next && next.id !== openId) openConversation(next.id);
  };
  useInboxKeys({
    next: () => move(1),
    previous: () => move(-1),
    reply: () => focusComposer("reply"),
    note: () => focusComposer("note"),
    search: () => searchRef.current?.focus(),
    help: () => setShowShortcuts(true),
  });

  const context = useMemo<InboxContextValue>(
    () => ({ me: user, socket, connected, openConversation }),
    [user, socket, connected, openConversation],
  );
  return (
    <InboxContext.Provider value={context}>
      <div className="flex h-full" data-testid="inbox" data-pane={pane}>
        <ListPane openId={openId} attention={attention} searchRef={searchRef} onHelp={() => setShowShortcuts(true)} pane={pane} />
        {children}
        <ShortcutsDialog open={showShortcuts} onClose={() => setShowShortcuts(false)} />
        <Toasts attention={attention} onOpen={openConversation} />
      </div>
    </InboxContext.Provider>
  );
}

function focusComposer(mode: "reply" | "note") {
  window.dispatchEvent(new CustomEvent("switchboard:compose", { detail: mode }));
}
