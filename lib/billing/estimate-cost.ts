// What sending a template will cost (docs/architecture.md, "Sending"): Meta charges per delivered template by its
// category and the recipient's country calling code. Pure: the template picker runs it in the
// browser with the rate card it fetched.

/** The template categories a rate card prices (Meta's pricing categories that charge). */
export const rateCategories = ["MARKETING", "UTILITY", "AUTHENTICATION", "AUTHENTICATION_INTERNATIONAL", "SERVICE"] as const;

export type Rate = { category: string; countryCode: string; price: number; currency: string };

export type CostEstimate = { price: number; currency: string; countryCode: string; free: boolean; reason: string };

/** The calling code a WhatsApp number starts with, by longest match among the rate card's codes. */
export function callingCode(waId: string, codes: string[]): string | null {
  const candidates = codes.filter((code) => code !== "*" && waId.startsWith(code)).sort((a, b) => b.length - a.length);
  return candidates[0] ?? null;
}

export function estimateTemplateCost({
  category,
  waId,
  rates,
  windowKind,
}: {
  category: string;
  waId: string | null;
  rates: Rate[];
  windowKind: "free_entry_point" | "customer_service" | "closed";
}): CostEstimate | null {
  const key = category.toUpperCase();
  if (windowKind === "free_entry_point")
    return {
      price: 0,
      currency: rates[0]?.currency ?? "USD",
      countryCode: "",
      free: true,
      reason: "Free: inside the free entry point window",
    };
  if (key === "UTILITY" && windowKind === "customer_service") {
    return {
      price: 0,
      currency: rates[0]?.currency ?? "USD",
      countryCode: "",
      free: true,
      reason: "Free: utility templates inside an open 24 h window",
    };
  }
  const forCategory = rates.filter((rate) => rate.category === key);
  const code = waId
    ? callingCode(
        waId,
        forCategory.map((rate) => rate.countryCode),
      )
    : null;
  const rate = forCategory.find((r) => r.countryCode === code) ?? forCategory.find((r) => r.countryCode === "*");
  if (!rate) return null;
  return {
    price: rate.price,
    currency: rate.currency,
    countryCode: rate.countryCode,
    free: false,
    reason:
      rate.countryCode === "*" ? `${key.toLowerCase()} rate for other countries` : `${key.toLowerCase()} rate for +${rate.countryCode}`,
  };
}
