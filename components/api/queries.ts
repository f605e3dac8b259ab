import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { ListFilter } from "@/lib/conversations/list-filter";
import { api, type DrillDown, type StatsParams } from "./client";

// Every read the browser makes, as query options keyed by what it depends on: a conversation's
// messages live under its own id, so an answer for one conversation can only land in that one.

export const keys = {
  conversations: ["conversations"] as const,
  conversationList: (filter: ListFilter) => ["conversations", "list", filter] as const,
  conversation: (id: string) => ["conversations", "one", id] as const,
  messages: (id: string) => ["messages", id] as const,
  contact: (id: string) => ["contact", id] as const,
  templates: ["templates"] as const,
  flows: ["flows"] as const,
  rates: ["rates"] as const,
  labels: ["labels"] as const,
  teammates: ["teammates"] as const,
  canned: ["canned"] as const,
  notifications: ["notifications"] as const,
  auditLog: (filter: string) => ["audit", "log", filter] as const,
  profile: (channelId: string) => ["channels", channelId, "profile"] as const,
  health: (channelId: string) => ["channels", channelId, "health"] as const,
  webhookBacklog: ["webhooks", "backlog"] as const,
  // Everything under "stats" is refetched when the server says the statistics changed.
  stats: {
    all: ["stats"] as const,
    messages: (params: StatsParams) => ["stats", "messages", params] as const,
    conversations: (params: StatsParams) => ["stats", "conversations", params] as const,
    failures: (params: StatsParams) => ["stats", "failures", params] as const,
    live: (tz: string) => ["stats", "live", tz] as const,
    cost: (params: StatsParams) => ["stats", "cost", params] as const,
    list: (params: StatsParams & DrillDown) => ["stats", "list", params] as const,
  },
  simulator: {
    business: ["simulator", "business"] as const,
    number: ["simulator", "number"] as const,
    customers: ["simulator", "customers"] as const,
    thread: (waId: string) => ["simulator", "thread", waId] as const,
    page: ["simulator", "messenger", "page"] as const,
    messenger: (psid: string) => ["simulator", "messenger", psid] as const,
    settings: (waId: string) => ["simulator", "settings", waId] as const,
  },
};

// Shared lists the team edits now and then: fresh for half a minute, refetched when the agent comes
// back to the window, when the socket reconnects, or when an event says they changed.
const SHARED_LIST_STALE_MS = 30_000;

export const queries = {
  conversationList: (filter: ListFilter) =>
    infiniteQueryOptions({
      queryKey: keys.conversationList(filter),
      queryFn: ({ pageParam }) => api.conversations({ ...filter, ...(pageParam ? { cursor: pageParam } : {}) }),
      initialPageParam: null as string | null,
      getNextPageParam: (page) => page.nextCursor,
    }),
  conversation: (id: string) => queryOptions({ queryKey: keys.conversation(id), queryFn: () => api.conversation(id) }),
  // Pages run newest first: page 0 is the latest messages, each next page goes further back.
  messages: (id: string) =>
    infiniteQueryOptions({
      queryKey: keys.messages(id),
      queryFn: ({ pageParam }) => api.messages(id, pageParam ?? undefined),
      initialPageParam: null as string | null,
      getNextPageParam: (page) => page.nextCursor,
    }),
  contact: (id: string) => queryOptions({ queryKey: keys.contact(id), queryFn: () => api.contact(id) }),
  // Templates, flows and the rate card change by an admin's sync, not while an agent works: fetched
  // once per session (or on an explicit refresh), never per conversation.
  templates: () => queryOptions({ queryKey: keys.templates, queryFn: () => api.templates(), staleTime: Infinity, gcTime: Infinity }),
  flows: () => queryOptions({ queryKey: keys.flows, queryFn: () => api.flows(), staleTime: Infinity, gcTime: Infinity }),
  rates: () => queryOptions({ queryKey: keys.rates, queryFn: () => api.rates(), staleTime: Infinity, gcTime: Infinity }),
  labels: () => queryOptions({ queryKey: keys.labels, queryFn: () => api.labels(), staleTime: SHARED_LIST_STALE_MS }),
  teammates: () => queryOptions({ queryKey: keys.teammates, queryFn: () => api.teammates(), staleTime: SHARED_LIST_STALE_MS }),
  canned: () => queryOptions({ queryKey: keys.canned, queryFn: () => api.canned(), staleTime: SHARED_LIST_STALE_MS }),
  notifications: () => queryOptions({ queryKey: keys.notifications, queryFn: () => api.notifications() }),
  // Keyed by the filter's query string; pages run newest first, each next one further back.
  auditLog: (filter: URLSearchParams) =>
    infiniteQueryOptions({
      queryKey: keys.auditLog(filter.toString()),
      queryFn: ({ pageParam }) => api.auditLog(filter, pageParam ?? undefined),
      initialPageParam: null as string | null,
      getNextPageParam: (page) => page.nextCursor,
    }),
  profile: (channelId: string) => queryOptions({ queryKey: keys.profile(channelId), queryFn: () => api.channels.profile(channelId) }),
  health: (channelId: string) => queryOptions({ queryKey: keys.health(channelId), queryFn: () => api.channels.health(channelId) }),
  webhookBacklog: () => queryOptions({ queryKey: keys.webhookBacklog, queryFn: () => api.settings.webhookBacklog() }),
  stats: {
    messages: (params: StatsParams) => queryOptions({ queryKey: keys.stats.messages(params), queryFn: () => api.stats.messages(params) }),
    conversations: (params: StatsParams) =>
      queryOptions({ queryKey: keys.stats.conversations(params), queryFn: () => api.stats.conversations(params) }),
    failures: (params: StatsParams) => queryOptions({ queryKey: keys.stats.failures(params), queryFn: () => api.stats.failures(params) }),
    live: (tz: string) => queryOptions({ queryKey: keys.stats.live(tz), queryFn: () => api.stats.live(tz) }),
    cost: (params: StatsParams) => queryOptions({ queryKey: keys.stats.cost(params), queryFn: () => api.stats.cost(params) }),
    // The messages behind a number, in keyset pages.
    list: (params: StatsParams & DrillDown) =>
      infiniteQueryOptions({
        queryKey: keys.stats.list(params),
        queryFn: ({ pageParam }) => api.stats.list({ ...params, ...(pageParam ? { cursor: pageParam } : {}) }),
        initialPageParam: null as string | null,
        getNextPageParam: (page) => page.nextCursor,
      }),
  },
};
