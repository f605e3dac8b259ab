"use client";

import { useTranslations } from "next-intl";
import { useLabels, useConversations } from "@/components/api/hooks";
import type { ListFilter } from "@/lib/conversations/list-filter";
import { ConversationList } from "./conversation-list";
import { useInbox } from "./inbox-context";
import { ListFilters } from "./list-filters";
import { NotificationBell, type Attention } from "./notifications";
import type { InboxPane } from "./use-inbox-pane";
import { useListFilter } from "./use-list-filter";

const paneClass: Record<InboxPane, string> = { list: "flex", thread: "hidden md:flex", contact: "hidden xl:flex" };

type Props = {
  openId: string | null;
  attention: Attention;
  searchRef: React.RefObject<HTMLInputElement | null>;
  onHelp: () => void;
  /** Which pane the URL opens: below 768 px only that one shows, and the customer's pane takes the list's place below 1280 px. */
  pane: InboxPane;
};

/** The left pane: notifications, the live indicator, the filters (kept in the URL) and the list. */
export function ListPane({ openId, attention, searchRef, onHelp, pane }: Props) {
  const { connected, openConversation } = useInbox();
  const [filter, setFilter] = useListFilter();
  const list = useConversations(filter);
  const labels = useLabels();
  const t = useTranslations("inbox");
  const navText = useTranslations("workspace");
  const emptyText = useEmptyText();
  return (
    <aside
      aria-label={t("list.label")}
      className={`w-full shrink-0 flex-col border-slate-200 bg-white md:w-80 md:border-r ${paneClass[pane]}`}
    >
      <h1 className="sr-only">{navText("inbox")}</h1>
      <div className="flex items-center justify-between px-3 pt-2">
        <NotificationBell attention={attention} onOpen={openConversation} />
        <div className="flex items-center gap-2 text-[11px] text-slate-500">
          <button
            onClick={onHelp}
            className="rounded px-1.5 py-0.5 hover:bg-slate-100"
            title={t("list.shortcuts")}
            aria-label={t("list.shortcuts")}
          >
            ?
          </button>
          <span
            data-testid="live-indicator"
            data-connected={connected}
            title={connected ? t("list.live") : t("list.reconnecting")}
            role="img"
            aria-label={connected ? t("list.live") : t("list.reconnecting")}
            className={`h-2 w-2 rounded-full ${connected ? "bg-emerald-500" : "bg-amber-400"}`}
          />
        </div>
      </div>
      {/* Keyed by the search so Back/Forward through the history shows the search they restore. */}
      <ListFilters key={filter.q ?? ""} filter={filter} onChange={setFilter} labels={labels.data?.items ?? []} searchRef={searchRef} />
      <ConversationList
        conversations={list.items}
        selectedId={openId}
        onSelect={openConversation}
        hasMore={list.hasNextPage}
        loading={list.isPending || list.isFetchingNextPage}
        onLoadMore={() => !list.isFetchingNextPage && void list.fetchNextPage()}
        error={list.error?.message ?? null}
        emptyText={emptyText(filter)}
      />
    </aside>
  );
}

/** What an empty list says, for the filter that emptied it. */
export function useEmptyText(): (filter: ListFilter) => string {
  const t = useTranslations("inbox.list");
  return (filter) => {
    if (filter.q) return t("emptySearch", { q: filter.q });
    if (filter.assignee === "me") return t("emptyMine");
    return t("empty");
  };
}
