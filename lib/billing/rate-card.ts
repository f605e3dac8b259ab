import "server-only";
import { Prisma } from "@/lib/db/generated/client.ts";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { enqueueStatsRebuild } from "@/lib/jobs/queue";
import type { Rate } from "./estimate-cost";

export async function listRates(): Promise<Rate[]> {
  const rows = await db.rateCard.findMany({ orderBy: [{ category: "asc" }, { countryCode: "asc" }] });
  return rows.map((row) => ({ category: row.category, countryCode: row.countryCode, price: row.price.toNumber(), currency: row.currency }));
}

/** Replaces the whole rate card (an admin edits it as one table); audited with before and after. */
export async function replaceRates({ rates, actor }: { rates: Rate[]; actor: { id: string; name: string } }): Promise<Rate[]> {
  const before = await listRates();
  await db.$transaction(async (tx) => {
    await tx.rateCard.deleteMany({});
    await tx.rateCard.createMany({
      data: rates.map((rate) => ({ ...rate, category: rate.category.toUpperCase(), price: new Prisma.Decimal(rate.price) })),
    });
    await recordAudit(
      {
        actor: { id: actor.id, label: actor.name },
        action: "rate_card.replaced",
        target: { type: "rate_card", id: "all" },
        before,
        after: rates,
      },
      tx,
    );
  });
  // The statistics' estimated costs are summed with the rate card's prices.
  await enqueueStatsRebuild();
  return listRates();
}
