// The SQL that turns outbound messages (or their changes) into message rollup rows, shared by the
// every-second fold and the rebuild, so both count exactly alike (docs/architecture.md,
// "Statistics"). Facts are one row per message state: sign (+1 / -1), the dimensions, 0/1 counts
// and the two latencies; they go into the temp table stats_facts, and from there into every
// grouping set at every level (lib/stats/grouping-sql.ts).

import { bit, latencySets, levelsOf, rollupColumns, storedSets, type RollupColumn } from "./dimensions";
import { foldStatements } from "./grouping-sql";

/** Columns of stats_facts, in order. */
const factColumns = `sign int, labels text[], label_only boolean, at timestamp(3), "conversationId" text, "messageId" text,
  read_at timestamp(3), replied_at timestamp(3), inbound boolean,
  channel text, agent text, team text, template text, kind text, category text, pricing text, code text, error text,
  queued int, sent int, delivered int, read int, failed int, replied int, billable int, free int, cost double precision,
  dsec double precision, rsec double precision`;

export const createFactsTable = `CREATE TEMP TABLE stats_facts (${factColumns}) ON COMMIT DROP`;

/**
 * What a message-shaped row `m` (Message, or a StatsDelta row) counts as: its dimensions, its 0/1
 * counts, its cost and its two latencies in seconds. The one definition of the statistics: the
 * fold, the rebuild and the raw reads all use it.
 */
export function messageFacts({ template, kind }: { template: string; kind: string }) {
  const s = `m.status::text`;
  const readAt = `coalesce(least(m."readAt", m."playedAt"), m."readAt", m."playedAt")`;
  return {
    readAt,
    dims: {
      channel: `m."channelId"`,
      agent: `coalesce(m."senderId", '')`,
      team: `coalesce(m."teamId", '')`,
      template: `coalesce(${template}, '')`,
      kind: `coalesce(${kind}, '')`,
      category: `lower(coalesce(m."pricingCategory", ''))`,
      pricing: `(CASE WHEN m.billable THEN 'billable' WHEN m.billable IS FALSE THEN 'free:' || lower(coalesce(m."pricingType", 'unknown')) ELSE '' END)`,
      code: `coalesce(m."callingCode", '')`,
      error: `(CASE WHEN ${s} = 'FAILED' THEN coalesce(m."errorCode"::text, 'none') ELSE '' END)`,
    } satisfies Record<Exclude<RollupColumn, "label">, string>,
    counts: {
      queued: `(${s} IN ('QUEUED', 'SENDING', 'UNCONFIRMED'))::int`,
      sent: `(${s} IN ('SENT', 'DELIVERED', 'READ', 'PLAYED'))::int`,
      delivered: `(${s} IN ('DELIVERED', 'READ', 'PLAYED'))::int`,
      read: `(${s} IN ('READ', 'PLAYED'))::int`,
      failed: `(${s} = 'FAILED')::int`,
      replied: `(${s} IN ('READ', 'PLAYED') AND m."repliedAt" IS NOT NULL)::int`,
      billable: `(m.billable IS TRUE)::int`,
      free: `(m.billable IS FALSE)::int`,
      // The rate card's price for the category and the longest calling code matching, else "*".
      cost: `(CASE WHEN m.billable THEN coalesce((
        SELECT r.price::float8 FROM "RateCard" r
        WHERE r.category = upper(m."pricingCategory") AND (r."countryCode" = '*' OR coalesce(m."callingCode", '') LIKE r."countryCode" || '%')
        ORDER BY r."countryCode" = '*', length(r."countryCode") DESC LIMIT 1), 0) ELSE 0 END)`,
    },
    // In double precision, as the facts table keeps them: extract() gives numeric, whose round()
    // and ln() in the histogram's bucket cost many times more over the messages a read counts.
    dsec: `(CASE WHEN ${s} IN ('DELIVERED', 'READ', 'PLAYED') THEN extract(epoch FROM m."deliveredAt" - m."sentAt")::float8 END)`,
    rsec: `(CASE WHEN ${s} IN ('READ', 'PLAYED') THEN extract(epoch FROM ${readAt} - m."sentAt")::float8 END)`,
  };
}

function factSelect({ sign, labels, labelOnly, messageId, template, kind, inbound }: Record<string, string>): string {
  const facts = messageFacts({ template: template!, kind: kind! });
  return `SELECT ${sign}, ${labels}, ${labelOnly}, m."createdAt", m."conversationId", ${messageId},
    ${facts.readAt}, m."repliedAt", ${inbound},
    ${Object.values(facts.dims).join(", ")},
    ${Object.values(facts.counts).join(", ")},
    ${facts.dsec}, ${facts.rsec}`;
}

/** Every outbound message as it is now, for the rebuild. */
export const factsFromMessages = `INSERT INTO stats_facts
  ${factSelect({
    sign: "1",
    labels: `coalesce((SELECT array_agg(cl."labelId") FROM "ConversationLabel" cl WHERE cl."conversationId" = m."conversationId"), '{}')`,
    labelOnly: "false",
    template: `stats_template(m.type, m.content)`,
    kind: `stats_kind(m.type, m.content)`,
    inbound: "false",
    messageId: "m.id",
  })}
  FROM "Message" m WHERE m.direction = 'OUTBOUND' AND NOT m.private`;

/** The changes recorded up to $1 (a StatsDelta id), deleted as they are taken. */
export const factsFromDeltas = `WITH d AS (DELETE FROM "StatsDelta" WHERE id <= $1 AND kind <> 3 RETURNING *)
  INSERT INTO stats_facts
  ${factSelect({
    sign: "m.sign",
    labels: "m.labels",
    labelOnly: "(m.kind = 1)",
    messageId: `m."messageId"`,
    template: "m.template",
    kind: `m."messageKind"`,
    inbound: "(m.kind = 2)",
  })}
  FROM d m`;

export const {
  createGroupedCounts,
  createGroupedCountsForRebuild,
  upsertCounts,
  insertCounts,
  createGroupedLatencies,
  createGroupedLatenciesForRebuild,
  upsertLatencies,
  insertLatencies,
} = foldStatements({
  prefix: "stats",
  countsTable: "MessageRollup",
  latencyTable: "MessageLatencyRollup",
  columns: rollupColumns,
  keyOrder: ["channel", "code", "category", "kind", "pricing", "agent", "team", "template", "error", "label"],
  bit,
  counts: ["queued", "sent", "delivered", "read", "failed", "replied", "billable", "free", "cost"],
  countSets: storedSets,
  latencySets,
  levelsOf,
  latencies: "(0, f.dsec), (1, f.rsec)",
  where: "NOT f.inbound",
});

/**
 * "Replied": an outbound message read within the 24 h before a customer's message in the same
 * conversation. Checked when a customer writes (against the reads watched in StatsReplyWatch) and
 * when a read arrives (against the customer's messages already there, since the read receipt can
 * come after the reply). Marking a message replied is itself a change the next fold counts.
 */
export const markReplied = `WITH marked AS (UPDATE "Message" m SET "repliedAt" = r.at
  FROM (
    SELECT w."messageId" AS id, min(f.at) AS at
    FROM stats_facts f JOIN "StatsReplyWatch" w ON w."conversationId" = f."conversationId"
    WHERE f.inbound AND f.at >= w."readAt" AND f.at <= w."readAt" + interval '24 hours'
    GROUP BY w."messageId"
    UNION ALL
    SELECT f."messageId", min(i.at)
    FROM stats_facts f
    CROSS JOIN LATERAL (
      SELECT i."timestamp" AS at FROM "Message" i
      WHERE i."conversationId" = f."conversationId" AND i."timestamp" >= f.read_at AND i."timestamp" <= f.read_at + interval '24 hours'
        AND i.direction = 'INBOUND'
      ORDER BY i."timestamp" LIMIT 1) AS i
    WHERE NOT f.inbound AND NOT f.label_only AND f.sign = 1 AND f.read_at IS NOT NULL AND f.replied_at IS NULL
    GROUP BY f."messageId"
  ) AS r
  WHERE m.id = r.id AND m."repliedAt" IS NULL
  RETURNING m.id)
  DELETE FROM "StatsReplyWatch" WHERE "messageId" IN (SELECT id FROM marked)`;

/** Watched reads past their 24 h (with an hour's grace for late receipts). */
export const expireReplyWatch = `DELETE FROM "StatsReplyWatch" WHERE "readAt" < now() AT TIME ZONE 'UTC' - interval '25 hours'`;

export type { RollupColumn };
