"use client";

import { keepPreviousData, skipToken, useInfiniteQuery, useQuery, type InfiniteData } from "@tanstack/react-query";
import { useMemo } from "react";
import type { ListFilter } from "@/lib/conversations/list-filter";
import type { PresenceDto } from "@/lib/conversations/types";
import { presenceKey } from "./cache";
import type { DrillDown, StatsParams } from "./client";
import { queries } from "./queries";
import type { ConversationPage, WebhookBacklog } from "./types";

// One hook per resource. Components read through these and never fetch by themselves.

export function useConversations(filter: ListFilter, initialPage?: ConversationPage) {
  const query = useInfiniteQuery({
    ...queries.conversationList(filter),
    // While another filter's list loads, the last one stays in view rather than an empty pane.
    placeholderData: keepPreviousData,
    ...(initialPage
      ? { initialData: { pages: [initialPage], pageParams: [null] } satisfies InfiniteData<ConversationPage, string | null> }
      : {}),
  });
  const items = useMemo(() => {
    // A conversation that moved between pages while paging appears once.
    const seen = new Set<string>();
    return (query.data?.pages ?? []).flatMap((page) => page.items).filter((c) => !seen.has(c.id) && !!seen.add(c.id));
  }, [query.data]);
  return { ...query, items };
}

export const useConversation = (id: string) => useQuery(queries.conversation(id));

export function useMessages(id: string) {
  const query = useInfiniteQuery(queries.messages(id));
  // Pages are newest first; the thread reads oldest first.
  const items = useMemo(() => [...(query.data?.pages ?? [])].reverse().flatMap((page) => page.items), [query.data]);
  return { ...query, items };
}

/** The audit log for a filter (the API's query string), every loaded page in one list. */
export function useAuditLog(filter: URLSearchParams) {
  const query = useInfiniteQuery({ ...queries.auditLog(filter), placeholderData: keepPreviousData });
  const items = useMemo(() => (query.data?.pages ?? []).flatMap((page) => page.items), [query.data]);
  return { ...query, items };
}

export const useContact = (id: string) => useQuery(queries.contact(id));
// `enabled: false` defers the first fetch until something on screen needs it (an opened picker).
export const useTemplates = ({ enabled = true } = {}) => useQuery({ ...queries.templates(), enabled });
export const useFlows = () => useQuery(queries.flows());
export const useRates = ({ enabled = true } = {}) => useQuery({ ...queries.rates(), enabled });
export const useLabels = () => useQuery(queries.labels());
export const useTeammates = () => useQuery(queries.teammates());
export const useCannedResponses = () => useQuery(queries.canned());
export const useNotifications = () => useQuery(queries.notifications());

export const useProfile = (channelId: string) => useQuery(queries.profile(channelId));

// While Meta reviews a name or a blue tick request, the page asks again every few seconds, so the
// decision shows without a reload.
const REVIEW_POLL_MS = 3_000;
export const useNumberHealth = (channelId: string) =>
  useQuery({
    ...queries.health(channelId),
    refetchInterval: (query) => {
      const number = query.state.data?.number;
      // Until Meta's decision is in the timeline too (its webhook can trail the number's new state).
      const awaiting = ["name_requested", "oba_requested"].includes(query.state.data?.timeline[0]?.kind ?? "");
      const pending =
        awaiting || number?.new_name_status === "PENDING_REVIEW" || number?.official_business_account?.oba_status === "PENDING";
      return pending ? REVIEW_POLL_MS : false;
    },
  });

/** The webhook backlog, asked for again every few seconds while the log is open. */
export const useWebhookBacklog = (initial: WebhookBacklog) =>
  useQuery({ ...queries.webhookBacklog(), initialData: initial, refetchInterval: 5_000 });

/** Who else has the conversation open; only the socket writes it (see putPresence). */
export const usePresence = (conversationId: string) =>
  useQuery<PresenceDto | null>({ queryKey: presenceKey(conversationId), queryFn: skipToken, staleTime: Infinity }).data ?? null;

// The dashboard's statistics. While a new range or filter loads, the last answer stays in view
// (dimmed), unless its series has other buckets or another time zone: drawn with the new labels, its
// points would be mislabelled, so a skeleton shows instead.
function statsOptions(params: StatsParams) {
  return {
    placeholderData: <T>(previous: T | undefined, query?: { queryKey: readonly unknown[] }) => {
      const before = query?.queryKey[2] as StatsParams | undefined;
      return before?.bucket === params.bucket && before?.tz === params.tz ? previous : undefined;
    },
    staleTime: 30_000,
  };
}
export const useMessageStats = (params: StatsParams) => useQuery({ ...queries.stats.messages(params), ...statsOptions(params) });
export const useConversationStats = (params: StatsParams) => useQuery({ ...queries.stats.conversations(params), ...statsOptions(params) });
export const useFailureStats = (params: StatsParams) => useQuery({ ...queries.stats.failures(params), ...statsOptions(params) });
export const useCostStats = (params: StatsParams) => useQuery({ ...queries.stats.cost(params), ...statsOptions(params) });
/** Now, not a range: kept fresh by the socket (see useStatsEvents) and refetched every minute as a fallback. */
export const useLiveStats = (tz: string) => useQuery({ ...queries.stats.live(tz), refetchInterval: 60_000 });

export function useDrillDown(params: (StatsParams & DrillDown) | null) {
  const query = useInfiniteQuery({
    ...queries.stats.list(params ?? { from: "", to: "" }),
    enabled: params !== null,
  });
  const items = useMemo(() => (query.data?.pages ?? []).flatMap((page) => page.items), [query.data]);
  return { ...query, items };
}
