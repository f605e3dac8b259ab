import { describe, expect, it } from "vitest";
import { simulatedConversation, simulatedPricing } from "@/lib/simulator/pricing";

describe("simulatedPricing (PMP)", () => {
  it.each([
    {
      case: "service reply inside the window",
      templateCategory: null,
      serviceWindowOpen: true,
      freeEntryPointOpen: false,
      type: "free_customer_service",
      category: "service",
      billable: false,
    },
    {
      case: "marketing template inside the window",
      templateCategory: "MARKETING",
      serviceWindowOpen: true,
      freeEntryPointOpen: false,
      type: "regular",
      category: "marketing",
      billable: true,
    },
    {
      case: "marketing template outside the window",
      templateCategory: "MARKETING",
      serviceWindowOpen: false,
      freeEntryPointOpen: false,
      type: "regular",
      category: "marketing",
      billable: true,
    },
    {
      case: "utility template inside the window",
      templateCategory: "UTILITY",
      serviceWindowOpen: true,
      freeEntryPointOpen: false,
      type: "free_customer_service",
      category: "utility",
      billable: false,
    },
    {
      case: "utility template outside the window",
      templateCategory: "UTILITY",
      serviceWindowOpen: false,
      freeEntryPointOpen: false,
      type: "regular",
      category: "utility",
      billable: true,
    },
    {
      case: "authentication template inside the window",
      templateCategory: "AUTHENTICATION",
      serviceWindowOpen: true,
      freeEntryPointOpen: false,
      type: "regular",
      category: "authentication",
      billable: true,
    },
    {
      case: "service reply in a free entry point window",
      templateCategory: null,
      serviceWindowOpen: true,
      freeEntryPointOpen: true,
      type: "free_entry_point",
      category: "referral_conversion",
      billable: false,
    },
    {
      case: "marketing template in a free entry point window",
      templateCategory: "MARKETING",
      serviceWindowOpen: false,
      freeEntryPointOpen: true,
      type: "free_entry_point",
      category: "referral_conversion",
      billable: false,
    },
  ])("$case → $type / $category", ({ templateCategory, serviceWindowOpen, freeEntryPointOpen, type, category, billable }) => {
    expect(simulatedPricing({ templateCategory, serviceWindowOpen, freeEntryPointOpen })).toEqual({
      billable,
      pricing_model: "PMP",
      type,
      category,
    });
  });
});

describe("simulatedConversation", () => {
  const pricing = simulatedPricing({ templateCategory: "MARKETING", serviceWindowOpen: false, freeEntryPointOpen: false });
  const window = { id: "fep-window-1", expiresAt: new Date("2026-11-24T12:00:00Z") };

  it("up to v23: one per message, the expiry only on sent", () => {
    const sent = simulatedConversation({ version: 23, pricing, wamid: "wamid.A", freeEntryPoint: null, step: "sent" });
    const delivered = simulatedConversation({ version: 23, pricing, wamid: "wamid.A", freeEntryPoint: null, step: "delivered" });
    expect(sent).toMatchObject({ origin: { type: "marketing" }, expiration_timestamp: expect.stringMatching(/^\d+$/) });
    expect(delivered).toEqual({ id: sent!.id, origin: { type: "marketing" } });
    expect(simulatedConversation({ version: 23, pricing, wamid: "wamid.B", freeEntryPoint: null, step: "sent" })!.id).not.toBe(sent!.id);
  });

  it("from v24: only inside a free entry point window, one id for the window", () => {
    expect(simulatedConversation({ version: 24, pricing, wamid: "wamid.A", freeEntryPoint: null, step: "sent" })).toBeNull();
    const fep = simulatedPricing({ templateCategory: null, serviceWindowOpen: true, freeEntryPointOpen: true });
    expect(simulatedConversation({ version: 25, pricing: fep, wamid: "wamid.A", freeEntryPoint: window, step: "sent" })).toEqual({
      id: "fep-window-1",
      expiration_timestamp: String(Math.floor(window.expiresAt.getTime() / 1000)),
      origin: { type: "referral_conversion" },
    });
  });
});
