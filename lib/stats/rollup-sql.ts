// The SQL that turns outbound messages (or their changes) into rollup rows, shared by the
// every-second fold and the rebuild, so both count exactly alike (docs/architecture.md,
// "Statistics"). Facts are one row per message state: sign (+1 / -1), the dimensions, 0/1 counts
// and the two latencies; they go into the temp table stats_facts, and from there into every
// grouping set at every level.

import { bit, columnsOf, latencySets, lowestLevel, rollupColumns, storedSets, type RollupColumn } from "./dimensions";
import { bucketSql } from "./histogram";

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
    dsec: `(CASE WHEN ${s} IN ('DELIVERED', 'READ', 'PLAYED') THEN extract(epoch FROM m."deliveredAt" - m."sentAt") END)`,
    rsec: `(CASE WHEN ${s} IN ('READ', 'PLAYED') THEN extract(epoch FROM ${readAt} - m."sentAt") END)`,
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
export const factsFromDeltas = `WITH d AS (DELETE FROM "StatsDelta" WHERE id <= $1 RETURNING *)
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

const dims = rollupColumns.filter((column) => column !== "label");
const q = (column: string) => `"${column}"`;

function groupingSets(sets: number[], extra: string[]): string {
  return sets
    .map((set) => `(${["slot", ...extra, ...columnsOf(set).map((column) => (column === "label" ? "lab" : `f.${q(column)}`))].join(", ")})`)
    .join(",\n      ");
}

function gsetExpression(withLabel: boolean): string {
  const parts = dims.map((column) => `CASE WHEN GROUPING(f.${q(column)}) = 0 THEN ${bit[column]} ELSE 0 END`);
  if (withLabel) parts.push(`CASE WHEN GROUPING(lab) = 0 THEN ${bit.label} ELSE 0 END`);
  return parts.join(" + ");
}

const dimOut = (withLabel: boolean) => [
  ...dims.map((column) => `coalesce(f.${q(column)}, '') AS ${q(column)}`),
  withLabel ? `coalesce(lab, '') AS "label"` : `'' AS "label"`,
];
const plainSets = storedSets.filter((set) => (set & bit.label) === 0);
const labelSets = storedSets.filter((set) => (set & bit.label) !== 0);
const allColumns = [...rollupColumns].map(q).join(", ");
const counts = ["queued", "sent", "delivered", "read", "failed", "replied", "billable", "free", "cost"] as const;
const quarter = `date_bin('15 minutes', f.at, TIMESTAMP '2000-01-01')`;

function countsSelect(withLabel: boolean, sets: number[]): string {
  return `SELECT ${gsetExpression(withLabel)} AS gset, ${quarter} AS slot, ${dimOut(withLabel).join(", ")},
      ${counts.map((count) => `sum(f.sign * f.${q(count)}) AS ${q(count)}`).join(", ")}
    FROM stats_facts f ${withLabel ? "CROSS JOIN LATERAL unnest(f.labels) AS lab" : ""}
    WHERE NOT f.inbound ${withLabel ? "" : "AND NOT f.label_only"}
    GROUP BY GROUPING SETS (
      ${groupingSets(sets, [])})`;
}

/**
 * Rolls up to the coarser levels from the 15-minute rows, so the facts are grouped once: level 0
 * as it is, hours and UTC days summed from it.
 */
function levelsFrom(table: string, keys: string[], sums: string[], kind: "counts" | "latency"): string {
  const sets = kind === "counts" ? storedSets : latencySets;
  const keeping = (level: number) => sets.filter((set) => lowestLevel(set, kind) <= level).join(", ");
  const columns = [...rollupColumns.map(q), ...keys].join(", ");
  const group = ["gset", ...rollupColumns.map(q), ...keys].join(", ");
  const summed = sums.map((column) => `sum(${column})`).join(", ");
  return `SELECT gset, 0, slot, ${columns}, ${sums.join(", ")} FROM ${table} WHERE gset IN (${keeping(0) || "-1"})
    UNION ALL
    SELECT gset, 1, date_trunc('hour', slot), ${columns}, ${summed} FROM ${table} WHERE gset IN (${keeping(1) || "-1"})
      GROUP BY ${group}, date_trunc('hour', slot)
    UNION ALL
    SELECT gset, 2, date_trunc('day', slot), ${columns}, ${summed} FROM ${table}
      GROUP BY ${group}, date_trunc('day', slot)`;
}

/** stats_facts' counts in every grouping set, per 15 minutes. */
export const createQuarterCounts = `CREATE TEMP TABLE stats_counts_q ON COMMIT DROP AS
  ${countsSelect(false, plainSets)}
  UNION ALL
  ${countsSelect(true, labelSets)}`;

/** Adds stats_counts_q into MessageRollup at every level. */
export const upsertCounts = `INSERT INTO "MessageRollup" (gset, level, slot, ${allColumns}, ${counts.map(q).join(", ")})
  ${levelsFrom("stats_counts_q", [], counts.map(q), "counts")}
  ORDER BY 1, 2, 3
  ON CONFLICT (gset, level, slot, ${allColumns}) DO UPDATE SET
  ${counts.map((count) => `${q(count)} = "MessageRollup".${q(count)} + EXCLUDED.${q(count)}`).join(", ")}`;

function latencySelect(withLabel: boolean, sets: number[]): string {
  return `SELECT ${gsetExpression(withLabel)} AS gset, ${quarter} AS slot, ${dimOut(withLabel).join(", ")}, x.metric, x.bucket, sum(f.sign) AS count
    FROM stats_facts f
    CROSS JOIN LATERAL (VALUES (0, f.dsec), (1, f.rsec)) AS x0(metric, seconds)
    CROSS JOIN LATERAL (SELECT x0.metric, ${bucketSql("round(x0.seconds)")} AS bucket) AS x
    ${withLabel ? "CROSS JOIN LATERAL unnest(f.labels) AS lab" : ""}
    WHERE NOT f.inbound AND x0.seconds IS NOT NULL ${withLabel ? "" : "AND NOT f.label_only"}
    GROUP BY GROUPING SETS (
      ${groupingSets(sets, ["x.metric", "x.bucket"])})`;
}

/** stats_facts' latencies in every grouping set, per 15 minutes. */
export const createQuarterLatencies = `CREATE TEMP TABLE stats_latency_q ON COMMIT DROP AS
  ${latencySelect(
    false,
    latencySets.filter((set) => (set & bit.label) === 0),
  )}
  UNION ALL
  ${latencySelect(
    true,
    latencySets.filter((set) => (set & bit.label) !== 0),
  )}`;

/** Adds stats_latency_q into MessageLatencyRollup at every level. */
export const upsertLatencies = `INSERT INTO "MessageLatencyRollup" (gset, level, slot, ${allColumns}, metric, bucket, count)
  ${levelsFrom("stats_latency_q", ["metric", "bucket"], ["count"], "latency")}
  ORDER BY 1, 2, 3
  ON CONFLICT (gset, level, slot, ${allColumns}, metric, bucket) DO UPDATE SET count = "MessageLatencyRollup".count + EXCLUDED.count`;

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
