import { describe, expect, it } from "vitest";
import { callingCode, estimateTemplateCost, type Rate } from "@/lib/billing/estimate-cost";

const rates: Rate[] = [
  { category: "MARKETING", countryCode: "49", price: 0.1365, currency: "USD" },
  { category: "MARKETING", countryCode: "1", price: 0.025, currency: "USD" },
  { category: "MARKETING", countryCode: "1242", price: 0.05, currency: "USD" },
  { category: "MARKETING", countryCode: "*", price: 0.06, currency: "USD" },
  { category: "UTILITY", countryCode: "49", price: 0.0768, currency: "USD" },
];

describe("template cost estimates", () => {
  it("matches the longest calling code", () => {
    expect(callingCode("12425551234", ["1", "1242", "49"])).toBe("1242");
    expect(callingCode("14155550142", ["1", "1242", "49"])).toBe("1");
    expect(callingCode("33612345678", ["1", "49"])).toBeNull();
  });

  it.each([
    ["MARKETING", "4915112345678", "customer_service", 0.1365],
    ["marketing", "12425551234", "closed", 0.05],
    ["MARKETING", "33612345678", "closed", 0.06],
    ["UTILITY", "4915112345678", "closed", 0.0768],
  ] as const)("%s to %s with the window %s costs %s", (category, waId, windowKind, price) => {
    expect(estimateTemplateCost({ category, waId, rates, windowKind })).toMatchObject({ price, free: false });
  });

  it("knows what Meta does not charge", () => {
    expect(estimateTemplateCost({ category: "UTILITY", waId: "4915112345678", rates, windowKind: "customer_service" })).toMatchObject({
      price: 0,
      free: true,
    });
    expect(estimateTemplateCost({ category: "MARKETING", waId: "4915112345678", rates, windowKind: "free_entry_point" })).toMatchObject({
      price: 0,
      free: true,
    });
  });

  it("says nothing when the rate card has no rate for the category", () => {
    expect(estimateTemplateCost({ category: "AUTHENTICATION", waId: "4915112345678", rates, windowKind: "closed" })).toBeNull();
  });
});
