import "server-only";
import { callingCode, type Rate } from "@/lib/billing/estimate-cost";
import { listRates } from "@/lib/billing/rate-card";

/** Prices a billable message by its pricing category and the customer's calling code, with the admin's rate card. */
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

/** The estimated cost of rows counted by category and calling code. */
export function costOf(rows: { keys: Record<string, string>; billable: number }[], price: PriceOf): number {
  let amount = 0;
  for (const row of rows) amount += row.billable * (price(row.keys.category ?? "", row.keys.code ?? "") ?? 0);
  return Math.round(amount * 10_000) / 10_000;
}
