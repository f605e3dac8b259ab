// How Meta prices a message under per-message pricing (PMP, from 1 Jul 2025), as the
// simulator reports it in status webhooks:
//  - inside a free entry point window (a click-to-WhatsApp referral answered within 24 h, for 72 h
//    from that answer) everything is free: free_entry_point / referral_conversion;
//  - non-template (service) messages are free inside the customer service window:
//    free_customer_service / service;
//  - templates are charged by category (regular / marketing | utility | authentication), except
//    utility templates inside an open customer service window: free_customer_service / utility.

export type Pricing = { billable: boolean; pricing_model: "PMP"; type: string; category: string };

export function simulatedPricing({
  templateCategory,
  serviceWindowOpen,
  freeEntryPointOpen,
}: {
  // null for a non-template message
  templateCategory: string | null;
  serviceWindowOpen: boolean;
  freeEntryPointOpen: boolean;
}): Pricing {
  if (freeEntryPointOpen) return priced("free_entry_point", "referral_conversion");
  if (!templateCategory) return priced("free_customer_service", "service");
  const category = templateCategory.toLowerCase();
  if (category === "utility" && serviceWindowOpen) return priced("free_customer_service", "utility");
  return priced("regular", category);
}

function priced(type: string, category: string): Pricing {
  return { billable: type === "regular", pricing_model: "PMP", type, category };
}

/**
 * The `conversation` object of a status: up to v23 on every priced status, with an id per message;
 * from v24 only inside a free entry point window, with one id for the whole window. The expiry is
 * only on `sent`.
 */
export function simulatedConversation({
  version,
  pricing,
  wamid,
  freeEntryPoint,
  step,
}: {
  version: number;
  pricing: Pricing;
  wamid: string;
  freeEntryPoint: { id: string; expiresAt: Date } | null;
  step: "sent" | "delivered";
}): Record<string, unknown> | null {
  if (version >= 24 && !freeEntryPoint) return null;
  const id = freeEntryPoint?.id ?? conversationId(wamid);
  const expiresAt = freeEntryPoint?.expiresAt ?? new Date(Date.now() + 24 * 60 * 60 * 1000);
  const origin = pricing.category.replace("-", "_");
  return {
    id,
    ...(step === "sent" ? { expiration_timestamp: String(Math.floor(expiresAt.getTime() / 1000)) } : {}),
    origin: { type: origin },
  };
}

function conversationId(seed: string): string {
  let hash = 0n;
  for (const char of seed) hash = (hash * 131n + BigInt(char.charCodeAt(0))) % 2n ** 120n;
  return hash.toString(16).padStart(30, "0").slice(0, 30);
}
