import { z } from "zod";

// The statistics API's query and answers, shared by the routes that parse the query, the functions
// that compute the answers and the dashboard that shows them. No server code: the browser imports it.
//
//   GET /api/stats/messages?from&to&tz&bucket&groupBy&<filters>        → MessageStats
//   GET /api/stats/conversations?from&to&tz&bucket&groupBy&<filters>   → ConversationStats
//
// A message belongs to the range by the time the agent sent it (its createdAt). Private notes never
// count. Filters take one value or several separated by commas, and combine with AND between
// filters and OR within one. The lists of dimensions, kinds and buckets live in ./choices.ts (no zod).

import { buckets, dimensions, messageKinds, type Dimension, type MessageKind } from "./choices";

export { buckets, dimensions, messageKinds } from "./choices";
export type { Bucket, Dimension, MessageKind } from "./choices";

const list = z
  .string()
  .max(2000)
  .transform((value) =>
    value
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().min(1).max(200)).max(100));

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const timeZone = z.string().max(64).refine(isTimeZone, { error: "tz must be an IANA time zone such as Asia/Kolkata." }).default("UTC");

export const statsQuerySchema = z
  .object({
    from: z.iso.datetime({ offset: true, error: "from must be an ISO 8601 date and time." }).transform((value) => new Date(value)),
    to: z.iso.datetime({ offset: true, error: "to must be an ISO 8601 date and time." }).transform((value) => new Date(value)),
    tz: timeZone,
    bucket: z.enum(buckets).default("day"),
    groupBy: z.enum(dimensions).optional(),
    format: z.enum(["json", "csv"]).default("json"),
    // Filters: every dimension is also a filter.
    inbox: list.optional(),
    /** "whatsapp" or "messenger": the kind of the inbox's channel. */
    channelType: list.pipe(z.array(z.enum(["whatsapp", "messenger"]))).optional(),
    agent: list.optional(),
    team: list.optional(),
    /** "<name>:<language>", e.g. "order_update:en_US"; a bare name matches every language. */
    template: list.optional(),
    kind: list.pipe(z.array(z.enum(messageKinds))).optional(),
    /** Meta's pricing category: marketing, utility, authentication, service, … */
    category: list.optional(),
    /** "billable", or "free:<why>" (free_customer_service, free_entry_point, …). */
    pricing: list.optional(),
    /** ISO 3166 alpha-2 from the customer's calling code, e.g. "IN". */
    country: list.optional(),
    label: list.optional(),
  })
  .refine((query) => query.from < query.to, { error: "from must be before to.", path: ["to"] })
  .refine((query) => query.to.getTime() - query.from.getTime() <= 400 * 86_400_000, {
    error: "The range can be at most 400 days.",
    path: ["to"],
  });

export type StatsQuery = z.output<typeof statsQuerySchema>;
export type StatsFilters = Pick<StatsQuery, Dimension>;

/** Seconds. Null when no message in the set reached both ends of the interval. */
export type Percentiles = { p50: number | null; p90: number | null; p95: number | null; p99: number | null };

export type Rates = {
  /** delivered / sent */
  delivery: number | null;
  /** read / delivered */
  read: number | null;
  /** failed / (sent + failed) */
  failure: number | null;
};

export type Funnel = { sent: number; delivered: number; read: number; failed: number };

export type MessageStats = {
  totals: Funnel & {
    /** No receipt yet. */
    queued: number;
    /** The customer wrote back within 24 h of a read. */
    replied: number;
    billable: number;
    estimatedCost: { amount: number; currency: "USD" };
  };
  rates: Rates;
  timeToDeliver: Percentiles;
  timeToRead: Percentiles;
  /**
   * Histogram of time to read: each bin counts messages read within [from, to) seconds; `nominal`
   * is the round span it stands for (its label), within 10 % of the exact bounds.
   */
  timeToReadHistogram: { from: number; to: number | null; nominal: { from: number; to: number | null }; count: number }[];
  /** One entry per bucket in the range, in the query's time zone, oldest first, empty buckets included. */
  series: ({ bucket: string } & Funnel)[];
  /** The same range shifted back by its own length, for comparison. */
  previous: { totals: MessageStats["totals"]; rates: Rates; series: ({ bucket: string } & Funnel)[] };
  /** Present when groupBy is given, largest first by sent. */
  groups: ({ key: string; label: string } & Funnel & { replied: number; rates: Rates; timeToRead: Percentiles; estimatedCost: number })[];
};

export type ConversationStats = {
  opened: number;
  resolved: number;
  reopened: number;
  /** From the customer's first unanswered message to the first reply by a person. */
  firstResponse: { p50: number | null; p90: number | null };
  resolution: { p50: number | null; p90: number | null };
  series: { bucket: string; opened: number; resolved: number }[];
  byAgent: {
    agentId: string;
    name: string;
    opened: number;
    resolved: number;
    messagesSent: number;
    firstResponse: { p50: number | null; p90: number | null };
    resolution: { p50: number | null; p90: number | null };
    /** Conversations open and assigned to the agent now. */
    currentLoad: number;
  }[];
};

//   GET /api/stats/failures?<range and filters>   → FailureStats
export type FailureStats = {
  total: number;
  byCode: {
    /** Meta's error code, e.g. 131026; null when the send failed before Meta answered. */
    code: number | null;
    /** Meta's title for the code. */
    title: string;
    /** The sentence an agent would understand. */
    explanation: string;
    /** What to do about it. */
    action: string;
    count: number;
    series: { bucket: string; count: number }[];
    topTemplates: { key: string; label: string; count: number }[];
    topCountries: { key: string; label: string; count: number }[];
  }[];
};

//   GET /api/stats/live?tz                         → LiveStats (no range: now)
export const liveQuerySchema = z.object({ tz: timeZone });

export type LiveStats = {
  open: number;
  unassigned: number;
  /** Open conversations whose last message is the customer's, unanswered. */
  waiting: number;
  /** Seconds the longest-waiting customer has waited, null when nobody waits. */
  longestWaitSeconds: number | null;
  longestWaitConversationId: string | null;
  windowClosingWithin1h: number;
  windowClosingWithin4h: number;
  /** Today's tiles in the query's time zone. */
  today: Funnel & { queued: number; received: number };
};

//   GET /api/stats/cost?<range and filters>        → CostStats
export type CostStats = {
  currency: "USD";
  estimated: { amount: number; billable: number; free: number };
  /** One row per pricing category × customer country, from the rate card. */
  rows: { category: string; country: string; billable: number; free: number; unitPrice: number | null; amount: number }[];
  /** Meta's own figures from pricing_analytics, when they have been fetched for the range. */
  meta: null | { amount: number; volume: number; fetchedAt: string; byCategory: { category: string; amount: number; volume: number }[] };
};

//   GET /api/stats/messages/list?<range and filters>&status=sent|delivered|read|failed|queued|replied&cursor
//   GET /api/stats/messages/export?<range and filters>        → CSV stream, one row per message
export const drillDownSchema = z.object({
  status: z.enum(["queued", "sent", "delivered", "read", "failed", "replied"]).optional(),
  /** Only failures with this Meta error code. */
  errorCode: z.coerce.number().int().optional(),
  cursor: z.string().max(200).optional(),
});

/** The drill-down's and the export's query: the range and filters, and what to list. */
export const drillDownQuerySchema = statsQuerySchema.and(drillDownSchema);
export type DrillDownQuery = z.output<typeof drillDownQuerySchema>;

export type DrillDownPage = {
  items: {
    messageId: string;
    conversationId: string;
    contactName: string | null;
    contactNumber: string | null;
    inbox: string;
    agent: string | null;
    kind: MessageKind;
    template: string | null;
    status: string;
    errorCode: number | null;
    sentAt: string | null;
    deliveredAt: string | null;
    readAt: string | null;
    createdAt: string;
  }[];
  nextCursor: string | null;
};
