import "server-only";
import { callingCode, type Rate } from "@/lib/billing/estimate-cost";
import { listRates } from "@/lib/billing/rate-card";

/**
 * A billable message's unit price by its pricing category and the customer's calling code, with the
 * admin's rate card, for the cost tab's rows (the amounts themselves are summed in the rollups with
 * the same rule, lib/stats/rollup-sql.ts).
 */
export type PriceOf = (category: string, code: string) => number | null;

export async function loadPricing(): Promise<PriceOf> {
  const rates = await listRates();
  const cache = new Map<string, number | null>();
  return (category, code) => {
    const id = `${category}\u0000${code}`;
    if (!cache.has(id)) cache.set(id, priceFrom(rates, category, code));
    return cache.get(id)!;
  };
}

function priceFrom(rates: Rate[], category: string, code: string): number | null {
  const forCategory = rates.filter((rate) => rate.category === category.toUpperCase());
  const match = code
    ? callingCode(
        code,
        forCategory.map((rate) => rate.countryCode),
      )
    : null;
  const rate = forCategory.find((r) => r.countryCode === match) ?? forCategory.find((r) => r.countryCode === "*");
  return rate ? rate.price : null;
}
