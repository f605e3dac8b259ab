// The SQL that turns outbound messages (or their changes) into rollup rows, shared by the
// every-second fold and the rebuild, so both count exactly alike (docs/architecture.md,
// "Statistics"). Facts are one row per message state: sign (+1 / -1), the dimensions, 0/1 counts
// and the two latencies; they go into the temp table stats_facts, and from there into every
// grouping set at every level.

import { bit, columnsOf, rollupColumns, storedSets, type RollupColumn } from "./dimensions";
import { bucketSql } from "./histogram";

/** Columns of stats_facts, in order. */
const factColumns = `sign int, labels text[], label_only boolean, at timestamp(3), "conversationId" text, "messageId" text,
  read_at timestamp(3), replied_at timestamp(3), inbound boolean,
  channel text, agent text, team text, template text, kind text, category text, pricing text, code text, error text,
  queued int, sent int, delivered int, read int, failed int, replied int, billable int, free int, dsec double precision, rsec double precision`;

export const createFactsTable = `CREATE TEMP TABLE stats_facts (${factColumns}) ON COMMIT DROP`;

/** The fact columns computed from a message-shaped row `m` (Message, or a StatsDelta row). */
function factSelect({ sign, labels, labelOnly, messageId, template, kind, inbound }: Record<string, string>): string {
  const s = `m.status::text`;
  const readAt = `coalesce(least(m."readAt", m."playedAt"), m."readAt", m."playedAt")`;
  return `SELECT ${sign}, ${labels}, ${labelOnly}, m."createdAt", m."conversationId", ${messageId},
    ${readAt}, m."repliedAt", ${inbound},
    m."channelId", coalesce(m."senderId", ''), coalesce(m."teamId", ''), coalesce(${template}, ''), coalesce(${kind}, ''),
    lower(coalesce(m."pricingCategory", '')),
    CASE WHEN m.billable THEN 'billable' WHEN m.billable IS FALSE THEN 'free:' || lower(coalesce(m."pricingType", 'unknown')) ELSE '' END,
    coalesce(m."callingCode", ''),
    CASE WHEN ${s} = 'FAILED' THEN coalesce(m."errorCode"::text, 'none') ELSE '' END,
    (${s} = 'QUEUED')::int, (${s} IN ('SENT', 'DELIVERED', 'READ', 'PLAYED'))::int, (${s} IN ('DELIVERED', 'READ', 'PLAYED'))::int,
    (${s} IN ('READ', 'PLAYED'))::int, (${s} = 'FAILED')::int,
    (${s} IN ('READ', 'PLAYED') AND m."repliedAt" IS NOT NULL)::int,
    (m.billable IS TRUE)::int, (m.billable IS FALSE)::int,
    CASE WHEN ${s} IN ('DELIVERED', 'READ', 'PLAYED') THEN extract(epoch FROM m."deliveredAt" - m."sentAt") END,
    CASE WHEN ${s} IN ('READ', 'PLAYED') THEN extract(epoch FROM ${readAt} - m."sentAt") END`;
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
const slotOf = `CASE lv.level WHEN 0 THEN date_bin('15 minutes', f.at, TIMESTAMP '2000-01-01') WHEN 1 THEN date_trunc('hour', f.at) ELSE date_trunc('day', f.at) END`;

function groupingSets(sets: number[], extra: string[]): string {
  return sets
    .map(
      (set) =>
        `(${["lv.level", "slot", ...extra, ...columnsOf(set).map((column) => (column === "label" ? "lab" : `f.${q(column)}`))].join(", ")})`,
    )
    .join(",\n      ");
}

function gsetExpression(withLabel: boolean): string {
  const parts = dims.map((column) => `CASE WHEN GROUPING(f.${q(column)}) = 0 THEN ${bit[column]} ELSE 0 END`);
  if (withLabel) parts.push(`CASE WHEN GROUPING(lab) = 0 THEN ${bit.label} ELSE 0 END`);
  return parts.join(" + ");
}

const dimOut = (withLabel: boolean) => [...dims.map((column) => `coalesce(f.${q(column)}, '')`), withLabel ? "coalesce(lab, '')" : "''"];
const plainSets = storedSets.filter((set) => (set & bit.label) === 0);
const labelSets = storedSets.filter((set) => (set & bit.label) !== 0);
const levels = `CROSS JOIN (VALUES (0), (1), (2)) AS lv(level)`;
const allColumns = [...rollupColumns].map(q).join(", ");
const counts = ["queued", "sent", "delivered", "read", "failed", "replied", "billable", "free"] as const;

function countsSelect(withLabel: boolean, sets: number[]): string {
  return `SELECT ${gsetExpression(withLabel)}, lv.level, ${slotOf} AS slot, ${dimOut(withLabel).join(", ")},
      ${counts.map((count) => `sum(f.sign * f.${q(count)})`).join(", ")}
    FROM stats_facts f ${levels} ${withLabel ? "CROSS JOIN LATERAL unnest(f.labels) AS lab" : ""}
    WHERE NOT f.inbound ${withLabel ? "" : "AND NOT f.label_only"}
    GROUP BY GROUPING SETS (
      ${groupingSets(sets, [])})`;
}

/** Adds stats_facts into MessageRollup, every grouping set at every level. */
export const upsertCounts = `INSERT INTO "MessageRollup" (gset, level, slot, ${allColumns}, ${counts.map(q).join(", ")})
  ${countsSelect(false, plainSets)}
  UNION ALL
  ${countsSelect(true, labelSets)}
  ON CONFLICT (gset, level, slot, ${allColumns}) DO UPDATE SET
  ${counts.map((count) => `${q(count)} = "MessageRollup".${q(count)} + EXCLUDED.${q(count)}`).join(", ")}`;

function latencySelect(withLabel: boolean, sets: number[]): string {
  return `SELECT ${gsetExpression(withLabel)}, lv.level, ${slotOf} AS slot, ${dimOut(withLabel).join(", ")}, x.metric, x.bucket, sum(f.sign)
    FROM stats_facts f
    CROSS JOIN LATERAL (VALUES (0, f.dsec), (1, f.rsec)) AS x0(metric, seconds)
    CROSS JOIN LATERAL (SELECT x0.metric, ${bucketSql("round(x0.seconds)")} AS bucket) AS x
    ${levels} ${withLabel ? "CROSS JOIN LATERAL unnest(f.labels) AS lab" : ""}
    WHERE NOT f.inbound AND x0.seconds IS NOT NULL ${withLabel ? "" : "AND NOT f.label_only"}
    GROUP BY GROUPING SETS (
      ${groupingSets(sets, ["x.metric", "x.bucket"])})`;
}

/** Adds stats_facts' latencies into MessageLatencyRollup. */
export const upsertLatencies = `INSERT INTO "MessageLatencyRollup" (gset, level, slot, ${allColumns}, metric, bucket, count)
  ${latencySelect(false, plainSets)}
  UNION ALL
  ${latencySelect(true, labelSets)}
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
    SELECT f."messageId", min(i."timestamp")
    FROM stats_facts f JOIN "Message" i ON i."conversationId" = f."conversationId" AND i.direction = 'INBOUND'
      AND i."timestamp" >= f.read_at AND i."timestamp" <= f.read_at + interval '24 hours'
    WHERE NOT f.inbound AND NOT f.label_only AND f.sign = 1 AND f.read_at IS NOT NULL AND f.replied_at IS NULL
    GROUP BY f."messageId"
  ) AS r
  WHERE m.id = r.id AND m."repliedAt" IS NULL
  RETURNING m.id)
  DELETE FROM "StatsReplyWatch" WHERE "messageId" IN (SELECT id FROM marked)`;

/** Watched reads past their 24 h (with an hour's grace for late receipts). */
export const expireReplyWatch = `DELETE FROM "StatsReplyWatch" WHERE "readAt" < now() AT TIME ZONE 'UTC' - interval '25 hours'`;

export type { RollupColumn };
