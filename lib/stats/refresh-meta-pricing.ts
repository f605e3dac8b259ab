import "server-only";
import { db, Prisma } from "@/lib/db/client";
import { fetchPricingAnalytics } from "@/lib/whatsapp/pricing-analytics";

const DAY = 86_400_000;

/**
 * Fetches Meta's pricing_analytics for every WhatsApp Business Account (or those of the inboxes
 * given) over the UTC days touching [from, to), and stores them in MetaPricing, replacing what was
 * there for those days. A failing account is reported, not thrown: the others are still stored.
 */
export async function refreshMetaPricing({ from, to, inboxIds }: { from: Date; to: Date; inboxIds?: string[] }) {
  const channels = await db.channel.findMany({
    where: { kind: "WHATSAPP", ...(inboxIds?.length ? { id: { in: inboxIds } } : {}) },
    select: { wabaId: true, phoneNumberId: true },
  });
  const start = Math.floor(from.getTime() / DAY) * DAY;
  const end = Math.ceil(to.getTime() / DAY) * DAY;
  const problems: { wabaId: string; message: string }[] = [];
  let points = 0;
  // One call per account, with the credentials of one of its numbers.
  const accounts = new Map(
    channels.flatMap((channel) => (channel.wabaId && channel.phoneNumberId ? [[channel.wabaId, channel.phoneNumberId]] : [])),
  );
  for (const [wabaId, phoneNumberId] of accounts) {
    try {
      const data = await fetchPricingAnalytics({ wabaId, phoneNumberId, start: start / 1000, end: end / 1000 });
      const rows = new Map<string, { day: Date; category: string; country: string; volume: number; cost: number }>();
      for (const point of data) {
        const day = new Date(Math.floor((point.start * 1000) / DAY) * DAY);
        const category = (point.pricing_category ?? "unknown").toLowerCase();
        const country = point.country ?? "";
        const id = `${day.getTime()}|${category}|${country}`;
        const row = rows.get(id) ?? { day, category, country, volume: 0, cost: 0 };
        row.volume += point.volume ?? 0;
        row.cost += point.cost ?? 0;
        rows.set(id, row);
      }
      await db.$transaction([
        db.metaPricing.deleteMany({ where: { wabaId, day: { gte: new Date(start), lt: new Date(end) } } }),
        db.metaPricing.createMany({
          data: [...rows.values()].map((row) => ({ wabaId, ...row, cost: new Prisma.Decimal(row.cost.toFixed(4)) })),
        }),
      ]);
      points += rows.size;
    } catch (error) {
      problems.push({ wabaId, message: (error as Error).message });
    }
  }
  return { points, problems };
}
