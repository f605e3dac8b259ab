import "server-only";
import { db, Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { decodeCursor, encodeCursor, type ConversationFilter } from "./conversation-filter";
import { conversationInclude, serializeConversation } from "./serializers";
import type { ConversationDto } from "./types";
import { SERVICE_WINDOW_MS } from "./window";

const HOUR_MS = 60 * 60 * 1000;
// Contacts matching a search become a list of ids when there are at most this many; a fragment
// matching more (a common name) is checked per conversation instead, which finds a page quickly.
const CONTACT_MATCH_CAP = 5_000;

type Sort = "recent" | "waiting";
type PageRow = { id: string; sortAt: Date | null };

/**
 * The inbox list: filtered, searched, sorted, keyset-paged. Only conversations in the user's inboxes.
 * Two steps: the page's ids from one narrow query (which the indexes can answer on their own), then
 * those conversations in full.
 */
export async function listConversations({
  userId,
  filter = {},
  now = new Date(),
}: {
  userId: string;
  filter?: ConversationFilter;
  now?: Date;
}): Promise<{ items: ConversationDto[]; nextCursor: string | null }> {
  const limit = filter.limit ?? 30;
  const inboxes = await db.inbox.findMany({
    where: {
      members: { some: { userId } },
      ...(filter.channel ? { channel: { kind: filter.channel === "messenger" ? "MESSENGER" : "WHATSAPP" } } : {}),
    },
    select: { id: true, channelId: true },
  });
  if (inboxes.length === 0) return { items: [], nextCursor: null };

  const sort: Sort = filter.sort ?? "recent";
  const cursor = filter.cursor ? decodeCursor(filter.cursor) : null;
  if (filter.cursor && !cursor) throw new AppError("INVALID_INPUT", phrase("errors.invalidCursor"));

  // IN with a single inbox is planned as "=", so the inbox's sort index gives the order.
  const where: Prisma.Sql[] = [Prisma.sql`c."inboxId" IN (${Prisma.join(inboxes.map((inbox) => inbox.id))})`];
  const status = filter.status ?? "ALL";
  if (status !== "ALL") where.push(Prisma.sql`c."status" = ${status}::"ConversationStatus"`);
  if (filter.assignee === "me") where.push(Prisma.sql`c."assigneeId" = ${userId}`);
  if (filter.assignee === "unassigned") where.push(Prisma.sql`c."assigneeId" IS NULL`);
  if (filter.label) {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "ConversationLabel" l WHERE l."conversationId" = c.id AND l."labelId" = ${filter.label})`);
  }
  if (filter.team) where.push(Prisma.sql`c."teamId" = ${filter.team}`);
  if (filter.window) where.push(windowCondition(filter.window, now));
  if (sort === "waiting") where.push(Prisma.sql`c."waitingSince" IS NOT NULL`);
  if (cursor?.value) where.push(afterCursor(sort, cursor.value, cursor.id));

  const take = limit + 1;
  const page = filter.q
    ? await searchPage({ q: filter.q, channelIds: inboxes.map((inbox) => inbox.channelId), where, sort, take })
    : await db.$queryRaw<PageRow[]>(pageQuery(where, sort, take));
  const ids = page.slice(0, limit).map((row) => row.id);
  const rows = ids.length ? await db.conversation.findMany({ where: { id: { in: ids } }, include: conversationInclude }) : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  // The cursor holds the values the page was sorted by, so the next page starts exactly after it.
  const last = page.length > limit ? page[limit - 1] : undefined;
  return {
    items: ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [serializeConversation(row)] : [];
    }),
    nextCursor: last ? encodeCursor(last.sortAt, last.id) : null,
  };
}

function pageQuery(where: Prisma.Sql[], sort: Sort, take: number): Prisma.Sql {
  const column = sort === "waiting" ? Prisma.sql`c."waitingSince"` : Prisma.sql`c."lastMessageAt"`;
  return Prisma.sql`SELECT c.id, ${column} AS "sortAt" FROM "Conversation" c
    WHERE ${Prisma.join(where, " AND ")} ORDER BY ${orderBy(sort)} LIMIT ${take}`;
}

// By the output columns, so the same order serves a page query and the union of two.
function orderBy(sort: Sort): Prisma.Sql {
  return sort === "waiting" ? Prisma.sql`"sortAt" ASC, id ASC` : Prisma.sql`"sortAt" DESC, id DESC`;
}

// Prisma keeps DateTime as UTC in "timestamp(3)" columns.
function timestamp(value: Date): Prisma.Sql {
  return Prisma.sql`${value.toISOString()}::timestamp(3)`;
}

function windowCondition(window: "open" | "closing" | "closing4h" | "closed", now: Date): Prisma.Sql {
  const openSince = new Date(now.getTime() - SERVICE_WINDOW_MS);
  if (window === "open") return Prisma.sql`c."lastInboundAt" > ${timestamp(openSince)}`;
  if (window === "closing" || window === "closing4h") {
    const closesBy = new Date(openSince.getTime() + (window === "closing" ? 1 : 4) * HOUR_MS);
    return Prisma.sql`(c."lastInboundAt" > ${timestamp(openSince)} AND c."lastInboundAt" <= ${timestamp(closesBy)})`;
  }
  return Prisma.sql`(c."lastInboundAt" IS NULL OR c."lastInboundAt" <= ${timestamp(openSince)})`;
}

function afterCursor(sort: Sort, value: Date, id: string): Prisma.Sql {
  if (sort === "waiting") return Prisma.sql`(c."waitingSince", c.id) > (${timestamp(value)}, ${id})`;
  return Prisma.sql`(c."lastMessageAt", c.id) < (${timestamp(value)}, ${id})`;
}

/**
 * Name, number or message text, by substring. The two kinds of match are separate queries joined
 * by UNION, each sorted and limited: an OR across them would keep PostgreSQL from choosing, per
 * term, between the trigram index (a rare term) and walking the sorted list (a common one).
 */
async function searchPage({
  q,
  channelIds,
  where,
  sort,
  take,
}: {
  q: string;
  /** The channels behind the inboxes searched: customers belong to channels. */
  channelIds: string[];
  where: Prisma.Sql[];
  sort: Sort;
  take: number;
}): Promise<PageRow[]> {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const digits = q.replace(/[\s()+-]/g, "");
  const byNumber = /^\d{3,}$/.test(digits) ? Prisma.sql` OR ct."waId" LIKE ${`%${digits}%`}` : Prisma.empty;
  const contactMatch = Prisma.sql`(ct."name" ILIKE ${pattern}${byNumber})`;

  const contacts = await db.$queryRaw<{ id: string }[]>`
    SELECT ct.id FROM "Contact" ct WHERE ct."channelId" IN (${Prisma.join(channelIds)}) AND ${contactMatch}
    LIMIT ${CONTACT_MATCH_CAP + 1}`;
  const byText = Prisma.sql`EXISTS (
    SELECT 1 FROM "Message" m WHERE m."conversationId" = c.id AND m."private" = false AND m."text" ILIKE ${pattern})`;
  if (contacts.length === 0) return serially(pageQuery([...where, byText], sort, take));

  const byContact =
    contacts.length > CONTACT_MATCH_CAP
      ? Prisma.sql`EXISTS (SELECT 1 FROM "Contact" ct WHERE ct.id = c."contactId" AND ${contactMatch})`
      : Prisma.sql`c."contactId" = ANY(${contacts.map((row) => row.id)})`;
  return serially(Prisma.sql`
    SELECT u.id, u."sortAt" FROM (
      (${pageQuery([...where, byContact], sort, take)}) UNION (${pageQuery([...where, byText], sort, take)})
    ) AS u
    ORDER BY ${orderBy(sort)} LIMIT ${take}`);
}

/**
 * Runs a page query without parallel workers. Walking the sorted list until a page of matches is
 * found is what makes a common term fast; split across workers, each walks on for thousands of rows
 * the page does not need (measured: 65 ms instead of 5).
 */
async function serially(query: Prisma.Sql): Promise<PageRow[]> {
  const [, rows] = await db.$transaction([db.$executeRaw`SET LOCAL max_parallel_workers_per_gather = 0`, db.$queryRaw<PageRow[]>(query)]);
  return rows;
}
