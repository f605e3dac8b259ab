import "server-only";
import { db, Prisma } from "@/lib/db/client";
import type { CostStats, StatsQuery } from "./contract";
import { countryOfCode } from "./countries";
import { loadPricing } from "./pricing";
import { messageFilter, messageSource } from "./message-source";
import { sumCounts } from "./read-rollups";
import { floorQuarter } from "./slots";

// GET /api/stats/cost: billable and free messages by pricing category × customer country, priced
// with the rate card, beside Meta's own figures from pricing_analytics when they were fetched.
export async function costStats(query: StatsQuery): Promise<CostStats> {
  const span = { from: floorQuarter(query.from.getTime()), to: floorQuarter(query.to.getTime()) };
  const [rows, price, meta] = await Promise.all([
    sumCounts(messageSource, { filter: messageFilter(query), spans: [span], group: ["category", "code"] }),
    loadPricing(),
    metaFigures(query),
  ]);
  const table = rows
    .filter((row) => row.billable + row.free > 0)
    .map((row) => {
      const category = row.keys.category!;
      const code = row.keys.code!;
      const unitPrice = price(category, code);
      return {
        category: category || "unpriced",
        country: countryOfCode(code) ?? (code ? `+${code}` : "unknown"),
        billable: row.billable,
        free: row.free,
        unitPrice,
        amount: Math.round(row.cost * 10_000) / 10_000,
      };
    })
    .sort((a, b) => b.amount - a.amount || b.billable - a.billable);
  return {
    currency: "USD",
    estimated: {
      amount: Math.round(table.reduce((sum, row) => sum + row.amount, 0) * 10_000) / 10_000,
      billable: table.reduce((sum, row) => sum + row.billable, 0),
      free: table.reduce((sum, row) => sum + row.free, 0),
    },
    rows: table,
    meta,
  };
}

/** Meta's figures for the range's days, for the inboxes filtered (or all), when fetched. */
async function metaFigures(query: StatsQuery): Promise<CostStats["meta"]> {
  const channels = await db.channel.findMany({
    where: { kind: "WHATSAPP", ...(query.inbox?.length ? { id: { in: query.inbox } } : {}) },
    select: { wabaId: true },
  });
  const wabaIds = [...new Set(channels.flatMap((channel) => (channel.wabaId ? [channel.wabaId] : [])))];
  if (wabaIds.length === 0) return null;
  const rows = await db.$queryRaw<{ category: string; cost: Prisma.Decimal; volume: bigint; fetchedAt: Date }[]>`
    SELECT category, sum(cost) AS cost, sum(volume) AS volume, max("fetchedAt") AS "fetchedAt"
    FROM "MetaPricing"
    WHERE "wabaId" = ANY(${wabaIds}::text[]) AND day >= date_trunc('day', ${query.from}::timestamptz AT TIME ZONE 'UTC')
      AND day < ${query.to}::timestamptz AT TIME ZONE 'UTC'
    GROUP BY category ORDER BY sum(cost) DESC`;
  if (rows.length === 0) return null;
  const byCategory = rows.map((row) => ({ category: row.category.toLowerCase(), amount: Number(row.cost), volume: Number(row.volume) }));
  return {
    amount: Math.round(byCategory.reduce((sum, row) => sum + row.amount, 0) * 10_000) / 10_000,
    volume: byCategory.reduce((sum, row) => sum + row.volume, 0),
    fetchedAt: new Date(Math.max(...rows.map((row) => row.fetchedAt.getTime()))).toISOString(),
    byCategory,
  };
}
