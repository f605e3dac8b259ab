"use client";

import type { ConversationDto } from "@/lib/inbox/types";
import type { AssigneeFilter } from "./api";
import { WindowBadge } from "./window-badge";

const filters: { value: AssigneeFilter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "me", label: "Mine" },
  { value: "unassigned", label: "Unassigned" },
];

type Props = {
  conversations: ConversationDto[];
  selectedId: string | null;
  filter: AssigneeFilter;
  onFilter: (filter: AssigneeFilter) => void;
  onSelect: (id: string) => void;
  connected: boolean;
};

export function ConversationList({ conversations, selectedId, filter, onFilter, onSelect, connected }: Props) {
  return (
    <aside className="flex w-80 shrink-0 flex-col border-r border-slate-200 bg-white">
      <div className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
        <div className="flex gap-1" role="tablist">
          {filters.map((option) => (
            <button
              key={option.value}
              role="tab"
              aria-selected={filter === option.value}
              onClick={() => onFilter(option.value)}
              className={`rounded-md px-2 py-1 text-xs font-medium ${
                filter === option.value ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100"
              }`}
            >
              {option.label}
            </button>
          ))}
        </div>
        <span
          data-testid="live-indicator"
          data-connected={connected}
          title={connected ? "Live" : "Reconnecting…"}
          className={`h-2 w-2 rounded-full ${connected ? "bg-emerald-500" : "bg-amber-400"}`}
        />
      </div>
      <ul className="min-h-0 flex-1 overflow-y-auto" data-testid="conversation-list">
        {conversations.length === 0 && <li className="px-4 py-8 text-center text-sm text-slate-500">Nothing here.</li>}
        {conversations.map((conversation) => (
          <li key={conversation.id}>
            <button
              onClick={() => onSelect(conversation.id)}
              data-testid="conversation-item"
              data-contact={conversation.contact.waId ?? ""}
              className={`flex w-full flex-col gap-0.5 border-b border-slate-100 px-3 py-2.5 text-left hover:bg-slate-50 ${
                conversation.id === selectedId ? "bg-brand-50" : ""
              }`}
            >
              <div className="flex items-center justify-between gap-2">
                <span className={`truncate text-sm ${conversation.unreadCount ? "font-semibold" : "font-medium"}`}>
                  {conversation.contact.name ?? `+${conversation.contact.waId}`}
                </span>
                <span className="shrink-0 text-[11px] text-slate-400">{formatListTime(conversation.lastMessageAt)}</span>
              </div>
              <div className="flex items-center justify-between gap-2">
                <span className="truncate text-xs text-slate-500" data-testid="conversation-preview">
                  {conversation.lastMessagePreview ?? ""}
                </span>
                {conversation.unreadCount > 0 && (
                  <span data-testid="unread-count" className="rounded-full bg-brand-500 px-1.5 text-[11px] font-semibold text-white">
                    {conversation.unreadCount}
                  </span>
                )}
              </div>
              <div className="flex items-center gap-2">
                <WindowBadge expiresAt={conversation.windowExpiresAt} compact />
                {conversation.assignee && <span className="text-[11px] text-slate-400">→ {conversation.assignee.name}</span>}
              </div>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}

function formatListTime(iso: string): string {
  const date = new Date(iso);
  const today = new Date();
  if (date.toDateString() === today.toDateString()) {
    return date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  }
  return date.toLocaleDateString([], { day: "numeric", month: "short" });
}
