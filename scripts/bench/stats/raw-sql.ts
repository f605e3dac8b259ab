import type pg from "pg";

// The same answers as the statistics API, computed by bare SQL over the raw tables (Message,
// ConversationEvent), for bench:stats to print beside the HTTP answers. Definitions as in
// lib/stats/rollup-sql.ts; exact percentiles (nearest rank).

export type Range = { from: string; to: string };

const outbound = `m.direction = 'OUTBOUND' AND NOT m.private AND m."createdAt" >= $1::timestamptz AT TIME ZONE 'UTC' AND m."createdAt" < $2::timestamptz AT TIME ZONE 'UTC'`;

export type RawTotals = {
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  queued: number;
  replied: number;
  billable: number;
  readP50: number | null;
  readP90: number | null;
};

export async function rawTotals(client: pg.Client, range: Range, extraWhere = ""): Promise<RawTotals> {
  const { rows } = await client.query(
    `SELECT count(*) FILTER (WHERE m.status IN ('SENT','DELIVERED','READ','PLAYED'))::int AS sent,
       count(*) FILTER (WHERE m.status IN ('DELIVERED','READ','PLAYED'))::int AS delivered,
       count(*) FILTER (WHERE m.status IN ('READ','PLAYED'))::int AS read,
       count(*) FILTER (WHERE m.status = 'FAILED')::int AS failed,
       count(*) FILTER (WHERE m.status IN ('QUEUED', 'SENDING', 'UNCONFIRMED'))::int AS queued,
       count(*) FILTER (WHERE m.status IN ('READ','PLAYED') AND m."repliedAt" IS NOT NULL)::int AS replied,
       count(*) FILTER (WHERE m.billable)::int AS billable,
       percentile_disc(0.5) WITHIN GROUP (ORDER BY round(extract(epoch FROM coalesce(least(m."readAt", m."playedAt"), m."readAt", m."playedAt") - m."sentAt")))
         FILTER (WHERE m.status IN ('READ','PLAYED')) AS "readP50",
       percentile_disc(0.9) WITHIN GROUP (ORDER BY round(extract(epoch FROM coalesce(least(m."readAt", m."playedAt"), m."readAt", m."playedAt") - m."sentAt")))
         FILTER (WHERE m.status IN ('READ','PLAYED')) AS "readP90"
     FROM "Message" m WHERE ${outbound} ${extraWhere}`,
    [range.from, range.to],
  );
  const row = rows[0];
  return { ...row, readP50: row.readP50 === null ? null : Number(row.readP50), readP90: row.readP90 === null ? null : Number(row.readP90) };
}

/** Sent per group key, for a column expression over Message m. */
export async function rawGroups(client: pg.Client, range: Range, key: string, join = ""): Promise<Map<string, number>> {
  const { rows } = await client.query(
    `SELECT coalesce(${key}, '') AS key, count(*) FILTER (WHERE m.status IN ('SENT','DELIVERED','READ','PLAYED'))::int AS sent
     FROM "Message" m ${join} WHERE ${outbound} GROUP BY 1`,
    [range.from, range.to],
  );
  return new Map(rows.map((row) => [row.key as string, row.sent as number]));
}

export async function rawFailures(client: pg.Client, range: Range): Promise<Map<string, number>> {
  const { rows } = await client.query(
    `SELECT coalesce(m."errorCode"::text, 'none') AS key, count(*)::int AS count FROM "Message" m WHERE ${outbound} AND m.status = 'FAILED' GROUP BY 1`,
    [range.from, range.to],
  );
  return new Map(rows.map((row) => [row.key as string, row.count as number]));
}

export async function rawBillable(client: pg.Client, range: Range): Promise<number> {
  const { rows } = await client.query(`SELECT count(*)::int AS count FROM "Message" m WHERE ${outbound} AND m.billable`, [
    range.from,
    range.to,
  ]);
  return rows[0].count;
}

export async function rawConversations(client: pg.Client, range: Range) {
  const { rows } = await client.query(
    `SELECT count(*) FILTER (WHERE kind = 'opened')::int AS opened, count(*) FILTER (WHERE kind = 'resolved')::int AS resolved,
       count(*) FILTER (WHERE kind = 'reopened')::int AS reopened,
       percentile_disc(0.5) WITHIN GROUP (ORDER BY seconds) FILTER (WHERE kind = 'response') AS "responseP50"
     FROM "ConversationEvent" WHERE at >= $1::timestamptz AT TIME ZONE 'UTC' AND at < $2::timestamptz AT TIME ZONE 'UTC'`,
    [range.from, range.to],
  );
  return rows[0] as { opened: number; resolved: number; reopened: number; responseP50: number | null };
}

export async function rawOpen(client: pg.Client) {
  const { rows } = await client.query(`SELECT count(*)::int AS open FROM "Conversation" WHERE status = 'OPEN'`);
  return rows[0].open as number;
}
