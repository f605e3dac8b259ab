"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useEffectEvent, useLayoutEffect, useRef } from "react";
import { LabelChip } from "@/components/ui/label-chip";
import { useNow } from "@/components/ui/use-now";
import type { ConversationDto } from "@/lib/conversations/types";
import { ChannelMark } from "./channel-mark";
import { BillingBadge, ConversationWindowBadge } from "./window-badge";

type Props = {
  conversations: ConversationDto[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  error: string | null;
  emptyText: string;
};

export function ConversationList({ conversations, selectedId, onSelect, hasMore, loading, onLoadMore, error, emptyText }: Props) {
  const sentinel = useRef<HTMLLIElement>(null);
  const loadMore = useEffectEvent(() => onLoadMore());

  // Infinite scroll: the next page loads as the end of the list comes into view.
  useEffect(() => {
    const target = sentinel.current;
    if (!target || !hasMore) return;
    const observer = new IntersectionObserver((entries) => entries[0]?.isIntersecting && loadMore(), { rootMargin: "200px" });
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasMore, conversations.length]);

  useEffect(() => {
    document.querySelector(`[data-conversation-id="${selectedId}"]`)?.scrollIntoView({ block: "nearest" });
  }, [selectedId]);

  const list = useKeptFocus(conversations);
  const t = useTranslations("inbox.list");
  const commonText = useTranslations("common");
  const format = useFormatter();
  const times = useListTimes();

  return (
    <ul ref={list} className="min-h-0 flex-1 overflow-y-auto" data-testid="conversation-list" aria-label={t("label")}>
      {error && <li className="m-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{error}</li>}
      {!error && !loading && conversations.length === 0 && <li className="px-4 py-10 text-center text-sm text-slate-500">{emptyText}</li>}
      {conversations.map((conversation) => (
        <li key={conversation.id}>
          <button
            onClick={() => onSelect(conversation.id)}
            aria-current={conversation.id === selectedId ? "page" : undefined}
            data-testid="conversation-item"
            data-conversation-id={conversation.id}
            data-contact={conversation.contact.waId ?? conversation.contact.psid ?? ""}
            data-channel={conversation.channel.kind}
            className={`flex w-full flex-col gap-0.5 border-b border-l-2 border-b-slate-100 px-3 py-2 text-left hover:bg-slate-50 ${
              conversation.id === selectedId ? "border-l-brand-600 bg-brand-50" : "border-l-transparent"
            }`}
          >
            <div className="flex items-center justify-between gap-2">
              <span className="flex min-w-0 items-center gap-1.5">
                <ChannelMark kind={conversation.channel.kind} />
                <span className={`truncate text-sm ${conversation.unreadCount ? "font-semibold" : "font-medium"}`}>
                  {conversation.contact.displayName}
                </span>
              </span>
              <span className="shrink-0 text-[11px] text-slate-500">{times.last(conversation.lastMessageAt)}</span>
            </div>
            <div className="flex items-center justify-between gap-2">
              <span className="truncate text-xs text-slate-500" data-testid="conversation-preview">
                {conversation.lastMessagePreview ?? ""}
              </span>
              {conversation.unreadCount > 0 && (
                <span data-testid="unread-count" className="rounded-full bg-accent px-1.5 text-[11px] font-semibold text-on-accent">
                  {format.number(conversation.unreadCount)}
                </span>
              )}
            </div>
            <div className="flex flex-wrap items-center gap-1">
              <ConversationWindowBadge conversation={conversation} compact />
              <BillingBadge billing={conversation.billing} />
              {conversation.labels.map((label) => (
                <LabelChip key={label.id} label={label} />
              ))}
              {conversation.waitingSince && (
                <span className="text-[11px] text-amber-700">{t("waiting", { time: times.since(conversation.waitingSince) })}</span>
              )}
              <span className="ml-auto text-[11px] text-slate-500">
                {conversation.assignee ? conversation.assignee.name : conversation.team ? conversation.team.name : ""}
              </span>
            </div>
          </button>
        </li>
      ))}
      {hasMore && (
        <li ref={sentinel} className="px-4 py-3 text-center text-xs text-slate-500">
          {loading ? commonText("loading") : ""}
        </li>
      )}
    </ul>
  );
}

/**
 * The list reorders live (a new message moves a conversation to the top), and moving a focused
 * button in the DOM drops its focus. This keeps focus on the same conversation, by id.
 */
function useKeptFocus(conversations: ConversationDto[]) {
  const list = useRef<HTMLUListElement>(null);
  const focusedId = useRef<string | null>(null);

  useLayoutEffect(() => {
    const id = focusedId.current;
    const active = document.activeElement;
    if (!id || (active && active !== document.body && active !== list.current)) return;
    list.current?.querySelector<HTMLElement>(`[data-conversation-id="${CSS.escape(id)}"]`)?.focus({ preventScroll: true });
  }, [conversations]);

  // Moving away on purpose (Tab, a click elsewhere) forgets it; a reorder blurs with no new target.
  useEffect(() => {
    const element = list.current;
    if (!element) return;
    const remember = (event: FocusEvent) => {
      focusedId.current = (event.target as HTMLElement).dataset.conversationId ?? null;
    };
    const leave = (event: FocusEvent) => {
      if (event.relatedTarget && !element.contains(event.relatedTarget as Node)) focusedId.current = null;
    };
    const forget = (event: PointerEvent) => {
      if (!element.contains(event.target as Node)) focusedId.current = null;
    };
    element.addEventListener("focusin", remember);
    element.addEventListener("focusout", leave);
    document.addEventListener("pointerdown", forget);
    return () => {
      element.removeEventListener("focusin", remember);
      element.removeEventListener("focusout", leave);
      document.removeEventListener("pointerdown", forget);
    };
  }, []);

  return list;
}

/**
 * The list's times in the user's language and zone: the last message's time today, else its day;
 * how long a customer has waited, in the largest whole unit ("12m", "5h", "3d" in English).
 */
function useListTimes() {
  const format = useFormatter();
  const now = useNow(30_000);
  const day = (at: Date | number) => format.dateTime(at, { dateStyle: "short" });
  const unit = (value: number, name: "minute" | "hour" | "day") =>
    format.number(value, { style: "unit", unit: name, unitDisplay: "narrow" });
  return {
    last: (iso: string) => {
      const date = new Date(iso);
      if (day(date) === day(now)) return format.dateTime(date, { hour: "2-digit", minute: "2-digit" });
      return format.dateTime(date, { day: "numeric", month: "short" });
    },
    since: (iso: string) => {
      const minutes = Math.max(0, Math.floor((now - new Date(iso).getTime()) / 60_000));
      if (minutes < 60) return unit(minutes, "minute");
      if (minutes < 48 * 60) return unit(Math.floor(minutes / 60), "hour");
      return unit(Math.floor(minutes / 1440), "day");
    },
  };
}
