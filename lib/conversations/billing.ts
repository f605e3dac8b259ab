import { SERVICE_WINDOW_MS, serviceWindow } from "./window";

// Which of WhatsApp's windows a conversation is in, for billing (docs/architecture.md, "Sending"). A
// customer who came from a click-to-WhatsApp ad or Page CTA (a referral) and gets a business reply
// within 24 h opens a 72 h free entry point window from that reply, in which every message is
// free. Otherwise the 24 h customer service window makes service replies free. What may be *sent*
// is a separate rule: free-form messages still need the customer service window (window.ts).

export const FREE_ENTRY_POINT_MS = 72 * 60 * 60 * 1000;
// How long after the referral a first reply still opens the free entry point window.
export const REFERRAL_REPLY_MS = SERVICE_WINDOW_MS;

export type BillingWindowKind = "free_entry_point" | "customer_service" | "closed";

export type BillingWindow = {
  kind: BillingWindowKind;
  expiresAt: Date | null;
  // Until when a reply would still open a free entry point window; null when none is on offer.
  freeEntryPointOfferExpiresAt: Date | null;
};

type ConversationTimes = {
  referralAt: Date | null;
  lastInboundAt: Date | null;
  freeEntryPointExpiresAt: Date | null;
};

export function billingWindow({
  referralAt,
  lastInboundAt,
  freeEntryPointExpiresAt,
  now = new Date(),
}: ConversationTimes & { now?: Date }): BillingWindow {
  const offer = freeEntryPointOffer({ referralAt, freeEntryPointExpiresAt, now });
  if (freeEntryPointExpiresAt && freeEntryPointExpiresAt > now) {
    return { kind: "free_entry_point", expiresAt: freeEntryPointExpiresAt, freeEntryPointOfferExpiresAt: offer };
  }
  const service = serviceWindow({ lastInboundAt, now });
  if (service.open) return { kind: "customer_service", expiresAt: service.expiresAt, freeEntryPointOfferExpiresAt: offer };
  return { kind: "closed", expiresAt: null, freeEntryPointOfferExpiresAt: offer };
}

/**
 * The free entry point expiry a business reply at `replyAt` opens, or null when it opens none:
 * only the first reply within 24 h of the referral does.
 */
export function freeEntryPointOpenedBy({
  referralAt,
  freeEntryPointExpiresAt,
  replyAt,
}: Omit<ConversationTimes, "lastInboundAt"> & { replyAt: Date }): Date | null {
  if (!freeEntryPointOffer({ referralAt, freeEntryPointExpiresAt, now: replyAt })) return null;
  return new Date(replyAt.getTime() + FREE_ENTRY_POINT_MS);
}

function freeEntryPointOffer({
  referralAt,
  freeEntryPointExpiresAt,
  now,
}: Omit<ConversationTimes, "lastInboundAt"> & { now: Date }): Date | null {
  if (!referralAt) return null;
  const elapsed = now.getTime() - referralAt.getTime();
  if (elapsed < 0 || elapsed >= REFERRAL_REPLY_MS) return null;
  // A window opened by a reply since this referral already used the offer up.
  if (freeEntryPointExpiresAt && freeEntryPointExpiresAt.getTime() - FREE_ENTRY_POINT_MS >= referralAt.getTime()) return null;
  return new Date(referralAt.getTime() + REFERRAL_REPLY_MS);
}
