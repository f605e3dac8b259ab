import "server-only";
import { db, Prisma } from "@/lib/db/client";
import type { DrillDownPage, MessageKind, StatsFilters } from "./contract";
import { codesOfCountry } from "./countries";
import { channelsOfKinds } from "./read-rollups";

// The raw side of the statistics: the outbound messages behind a number (drill-down, keyset pages)
// and the export. Same definitions as the rollups (lib/stats/rollup-sql.ts), read from Message.

export type MessageRowsQuery = StatsFilters & {
  from: Date;
  to: Date;
  status?: "queued" | "sent" | "delivered" | "read" | "failed" | "replied";
  errorCode?: number;
};

const statusSql: Record<NonNullable<MessageRowsQuery["status"]>, Prisma.Sql> = {
  queued: Prisma.sql`m.status IN ('QUEUED', 'SENDING', 'UNCONFIRMED')`,
  sent: Prisma.sql`m.status IN ('SENT', 'DELIVERED', 'READ', 'PLAYED')`,
  delivered: Prisma.sql`m.status IN ('DELIVERED', 'READ', 'PLAYED')`,
  read: Prisma.sql`m.status IN ('READ', 'PLAYED')`,
  failed: Prisma.sql`m.status = 'FAILED'`,
  replied: Prisma.sql`m.status IN ('READ', 'PLAYED') AND m."repliedAt" IS NOT NULL`,
};

/**
 * Where a page ends, newest first: before the range's end, or from the cursor ("<createdAt ISO>|<id>")
 * on. From a cursor, the page's only upper bounds are the cursor's, a plain one on createdAt and the
 * row comparison: with the range's end beside them PostgreSQL starts the scan of the descending
 * index at the end, not at the cursor, and every page walks the index from the newest message down
 * (an export of 5 M rows, quadratic).
 */
function upperBound(query: MessageRowsQuery & { cursor?: string }): Prisma.Sql[] {
  const end = Prisma.sql`m."createdAt" < ${query.to}::timestamptz AT TIME ZONE 'UTC'`;
  if (!query.cursor) return [end];
  const [at, id] = query.cursor.split("|");
  const time = new Date(at ?? "");
  if (Number.isNaN(time.getTime()) || !id) return [end];
  const cursor = Prisma.sql`(m."createdAt", m.id) < (${time}::timestamptz AT TIME ZONE 'UTC', ${id})`;
  if (time >= query.to) return [end, cursor];
  return [Prisma.sql`m."createdAt" <= ${time}::timestamptz AT TIME ZONE 'UTC'`, cursor];
}

function whereOf(query: MessageRowsQuery & { cursor?: string }): Prisma.Sql[] {
  const where = [
    Prisma.sql`m."createdAt" >= ${query.from}::timestamptz AT TIME ZONE 'UTC'`,
    ...upperBound(query),
    Prisma.sql`m.direction = 'OUTBOUND'`,
    Prisma.sql`NOT m.private`,
  ];
  if (query.status) where.push(statusSql[query.status]);
  if (query.errorCode !== undefined) where.push(Prisma.sql`m."errorCode" = ${query.errorCode}`);
  if (query.inbox?.length) where.push(Prisma.sql`m."channelId" = ANY(${query.inbox}::text[])`);
  if (query.channelType?.length) where.push(channelsOfKinds(Prisma.sql`m."channelId"`, query.channelType));
  if (query.agent?.length) where.push(Prisma.sql`m."senderId" = ANY(${query.agent}::text[])`);
  if (query.team?.length) where.push(Prisma.sql`m."teamId" = ANY(${query.team}::text[])`);
  if (query.template?.length) {
    const full = query.template.filter((value) => value.includes(":"));
    const bare = query.template.filter((value) => !value.includes(":"));
    where.push(
      Prisma.sql`(stats_template(m.type, m.content) = ANY(${full}::text[]) OR split_part(stats_template(m.type, m.content), ':', 1) = ANY(${bare}::text[]))`,
    );
  }
  if (query.kind?.length) where.push(Prisma.sql`stats_kind(m.type, m.content) = ANY(${query.kind}::text[])`);
  if (query.category?.length)
    where.push(Prisma.sql`lower(m."pricingCategory") = ANY(${query.category.map((value) => value.toLowerCase())}::text[])`);
  if (query.pricing?.length)
    where.push(Prisma.sql`(CASE WHEN m.billable THEN 'billable' WHEN m.billable IS FALSE THEN 'free:' || lower(coalesce(m."pricingType", 'unknown'))
      ELSE '' END) = ANY(${query.pricing}::text[])`);
  if (query.country?.length) where.push(Prisma.sql`m."callingCode" = ANY(${query.country.flatMap(codesOfCountry)}::text[])`);
  if (query.label?.length)
    where.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "ConversationLabel" cl WHERE cl."conversationId" = m."conversationId" AND cl."labelId" = ANY(${query.label}::text[]))`,
    );
  return where;
}

type Row = {
  id: string;
  conversationId: string;
  contactName: string | null;
  contactNumber: string | null;
  inbox: string;
  agent: string | null;
  kind: MessageKind;
  template: string | null;
  status: string;
  errorCode: number | null;
  sentAt: Date | null;
  deliveredAt: Date | null;
  readAt: Date | null;
  createdAt: Date;
};

export type MessageRow = DrillDownPage["items"][number];

/** One page, newest first, after the cursor ("<createdAt ISO>|<id>"). */
export async function messageRows(
  query: MessageRowsQuery & { cursor?: string; limit: number },
): Promise<{ items: MessageRow[]; nextCursor: string | null }> {
  const where = whereOf(query);
  const rows = await db.$queryRaw<Row[]>`
    SELECT m.id, m."conversationId", ct.name AS "contactName", ct."waId" AS "contactNumber", coalesce(ib.name, '+' || ch."displayPhoneNumber") AS inbox, u.name AS agent,
      stats_kind(m.type, m.content) AS kind, stats_template(m.type, m.content) AS template, lower(m.status::text) AS status,
      m."errorCode", m."sentAt", m."deliveredAt", coalesce(least(m."readAt", m."playedAt"), m."readAt", m."playedAt") AS "readAt", m."createdAt"
    FROM "Message" m
    JOIN "Conversation" c ON c.id = m."conversationId"
    JOIN "Contact" ct ON ct.id = c."contactId"
    JOIN "Channel" ch ON ch.id = m."channelId"
    LEFT JOIN "Inbox" ib ON ib."channelId" = ch.id
    LEFT JOIN "User" u ON u.id = m."senderId"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY m."createdAt" DESC, m.id DESC
    LIMIT ${query.limit + 1}`;
  const items = rows.slice(0, query.limit).map((row) => ({
    messageId: row.id,
    conversationId: row.conversationId,
    contactName: row.contactName,
    contactNumber: row.contactNumber,
    inbox: row.inbox,
    agent: row.agent,
    kind: row.kind,
    template: row.template,
    status: row.status,
    errorCode: row.errorCode,
    sentAt: row.sentAt?.toISOString() ?? null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > query.limit && last ? `${last.createdAt}|${last.messageId}` : null };
}
