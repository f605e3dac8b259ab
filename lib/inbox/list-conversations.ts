import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { decodeCursor, encodeCursor, type ConversationFilter } from "./conversation-filter";
import { conversationInclude, serializeConversation } from "./serializers";
import type { ConversationDto } from "./types";
import { SERVICE_WINDOW_MS } from "./window";

const HOUR_MS = 60 * 60 * 1000;
// Message-text search looks at this many matching messages at most; names and numbers are unbounded.
const MESSAGE_MATCH_CAP = 2_000;

/** The inbox list: filtered, searched, sorted, keyset-paged. Only conversations in the user's inboxes. */
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
  const channelIds = (await db.channelMember.findMany({ where: { userId }, select: { channelId: true } })).map((m) => m.channelId);
  if (channelIds.length === 0) return { items: [], nextCursor: null };

  const and: Prisma.ConversationWhereInput[] = [{ channelId: { in: channelIds } }];
  const status = filter.status ?? "ALL";
  if (status !== "ALL") and.push({ status });
  if (filter.assignee === "me") and.push({ assigneeId: userId });
  if (filter.assignee === "unassigned") and.push({ assigneeId: null });
  if (filter.label) and.push({ labels: { some: { labelId: filter.label } } });
  if (filter.team) and.push({ teamId: filter.team });
  if (filter.window) and.push(windowCondition(filter.window, now));
  if (filter.q) and.push(await searchCondition({ q: filter.q, channelIds }));

  const sort = filter.sort ?? "recent";
  if (sort === "waiting") and.push({ waitingSince: { not: null } });
  const cursor = filter.cursor ? decodeCursor(filter.cursor) : null;
  if (filter.cursor && !cursor) throw new AppError("INVALID_INPUT", "The cursor is not valid.");
  if (cursor?.value) and.push(afterCursor(sort, cursor.value, cursor.id));

  const rows = await db.conversation.findMany({
    where: { AND: and },
    include: conversationInclude,
    orderBy: sort === "waiting" ? [{ waitingSince: "asc" }, { id: "asc" }] : [{ lastMessageAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last ? encodeCursor(sort === "waiting" ? last.waitingSince : last.lastMessageAt, last.id) : null;
  return { items: page.map(serializeConversation), nextCursor };
}

function windowCondition(window: "open" | "closing" | "closed", now: Date): Prisma.ConversationWhereInput {
  const openSince = new Date(now.getTime() - SERVICE_WINDOW_MS);
  if (window === "open") return { lastInboundAt: { gt: openSince } };
  if (window === "closing") return { lastInboundAt: { gt: openSince, lte: new Date(openSince.getTime() + HOUR_MS) } };
  return { OR: [{ lastInboundAt: null }, { lastInboundAt: { lte: openSince } }] };
}

function afterCursor(sort: "recent" | "waiting", value: Date, id: string): Prisma.ConversationWhereInput {
  if (sort === "waiting") return { OR: [{ waitingSince: { gt: value } }, { waitingSince: value, id: { gt: id } }] };
  return { OR: [{ lastMessageAt: { lt: value } }, { lastMessageAt: value, id: { lt: id } }] };
}

/** Name, number or message text, by substring; the trigram indexes keep this off a table scan. */
async function searchCondition({ q, channelIds }: { q: string; channelIds: string[] }): Promise<Prisma.ConversationWhereInput> {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const digits = q.replace(/[\s()+-]/g, "");
  const matches = await db.$queryRaw<{ conversationId: string }[]>`
    SELECT DISTINCT "conversationId" FROM (
      SELECT "conversationId" FROM "Message"
      WHERE "channelId" = ANY(${channelIds}) AND "private" = false AND "text" ILIKE ${pattern}
      LIMIT ${MESSAGE_MATCH_CAP}
    ) AS matched`;
  const or: Prisma.ConversationWhereInput[] = [
    { contact: { name: { contains: q, mode: "insensitive" } } },
    { id: { in: matches.map((m) => m.conversationId) } },
  ];
  if (/^\d{3,}$/.test(digits)) or.push({ contact: { waId: { contains: digits } } });
  return { OR: or };
}
