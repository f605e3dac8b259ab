import "server-only";
import { db, Prisma } from "@/lib/db/client";
import { searchTerms, type AuditFilter } from "./audit-filter";

// The audit log's one query: the filter as SQL over "AuditEvent", newest first by seq (keyset:
// events older than the cursor), answering ids only. seq is assigned under the chain's lock, so
// events commit in seq order and a page boundary never moves: nothing is skipped or repeated while
// new events are written. Search is by substring over "searchText" (trigram GIN index).

const DAY_MS = 24 * 60 * 60 * 1000;

export function auditConditions(filter: AuditFilter): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (filter.actor) {
    where.push(Prisma.sql`("actorId" = ${filter.actor} OR ("actorId" IS NULL AND "actorLabel" = ${filter.actor}))`);
  }
  if (filter.action?.length) where.push(Prisma.sql`"action" IN (${Prisma.join(filter.action)})`);
  if (filter.targetType) where.push(Prisma.sql`"targetType" = ${filter.targetType}`);
  if (filter.targetId) where.push(Prisma.sql`"targetId" = ${filter.targetId}`);
  if (filter.from) where.push(Prisma.sql`"createdAt" >= ${startOf(filter.from)}`);
  if (filter.to) {
    // A day runs to its end; an instant is included.
    where.push(
      isDay(filter.to)
        ? Prisma.sql`"createdAt" < ${new Date(startOf(filter.to).getTime() + DAY_MS)}`
        : Prisma.sql`"createdAt" <= ${new Date(filter.to)}`,
    );
  }
  for (const term of searchTerms(filter.q)) {
    where.push(Prisma.sql`"searchText" ILIKE ${`%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  }
  return where;
}

export async function auditPageIds({
  filter,
  before,
  take,
}: {
  filter: AuditFilter;
  before?: bigint;
  take: number;
}): Promise<{ id: string; seq: bigint }[]> {
  const where = auditConditions(filter);
  if (before !== undefined) where.push(Prisma.sql`"seq" < ${before}`);
  const clause = where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty;
  return db.$queryRaw<{ id: string; seq: bigint }[]>`
    SELECT "id", "seq" FROM "AuditEvent" ${clause} ORDER BY "seq" DESC LIMIT ${take}`;
}

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
const startOf = (value: string) => new Date(isDay(value) ? `${value}T00:00:00.000Z` : value);
