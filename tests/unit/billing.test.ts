import { describe, expect, it } from "vitest";
import { billingWindow, freeEntryPointOpenedBy } from "@/lib/conversations/billing";

const now = new Date("2026-11-21T12:00:00Z");
const hours = (n: number) => new Date(now.getTime() + n * 3_600_000);

describe("billingWindow", () => {
  it.each([
    {
      case: "no referral, customer wrote 2 h ago",
      referralAt: null,
      lastInboundAt: hours(-2),
      freeEntryPointExpiresAt: null,
      kind: "customer_service",
      expiresAt: hours(22),
    },
    {
      case: "customer wrote 25 h ago",
      referralAt: null,
      lastInboundAt: hours(-25),
      freeEntryPointExpiresAt: null,
      kind: "closed",
      expiresAt: null,
    },
    { case: "customer never wrote", referralAt: null, lastInboundAt: null, freeEntryPointExpiresAt: null, kind: "closed", expiresAt: null },
    {
      case: "free entry point open, service window still open",
      referralAt: hours(-10),
      lastInboundAt: hours(-10),
      freeEntryPointExpiresAt: hours(63),
      kind: "free_entry_point",
      expiresAt: hours(63),
    },
    {
      case: "free entry point outlives the closed service window",
      referralAt: hours(-50),
      lastInboundAt: hours(-50),
      freeEntryPointExpiresAt: hours(23),
      kind: "free_entry_point",
      expiresAt: hours(23),
    },
    {
      case: "free entry point expired, customer wrote again",
      referralAt: hours(-100),
      lastInboundAt: hours(-1),
      freeEntryPointExpiresAt: hours(-3),
      kind: "customer_service",
      expiresAt: hours(23),
    },
    {
      case: "referral not answered yet: still a service window",
      referralAt: hours(-3),
      lastInboundAt: hours(-3),
      freeEntryPointExpiresAt: null,
      kind: "customer_service",
      expiresAt: hours(21),
    },
  ])("$case → $kind", ({ referralAt, lastInboundAt, freeEntryPointExpiresAt, kind, expiresAt }) => {
    expect(billingWindow({ referralAt, lastInboundAt, freeEntryPointExpiresAt, now })).toMatchObject({ kind, expiresAt });
  });

  it("offers the free entry point until 24 h after an unanswered referral", () => {
    expect(
      billingWindow({ referralAt: hours(-3), lastInboundAt: hours(-3), freeEntryPointExpiresAt: null, now }).freeEntryPointOfferExpiresAt,
    ).toEqual(hours(21));
    expect(
      billingWindow({ referralAt: hours(-30), lastInboundAt: hours(-2), freeEntryPointExpiresAt: null, now }).freeEntryPointOfferExpiresAt,
    ).toBeNull();
    expect(
      billingWindow({ referralAt: hours(-3), lastInboundAt: hours(-3), freeEntryPointExpiresAt: hours(70), now })
        .freeEntryPointOfferExpiresAt,
    ).toBeNull();
  });
});

describe("freeEntryPointOpenedBy", () => {
  it.each([
    { case: "first reply 2 h after the referral", referralAt: hours(-2), freeEntryPointExpiresAt: null, opens: hours(72) },
    {
      case: "first reply 23 h 59 m after the referral",
      referralAt: new Date(now.getTime() - 23.99 * 3_600_000),
      freeEntryPointExpiresAt: null,
      opens: hours(72),
    },
    { case: "first reply exactly 24 h after the referral", referralAt: hours(-24), freeEntryPointExpiresAt: null, opens: null },
    { case: "no referral", referralAt: null, freeEntryPointExpiresAt: null, opens: null },
    { case: "a later reply inside the open window", referralAt: hours(-5), freeEntryPointExpiresAt: hours(68), opens: null },
    {
      case: "a new referral after an old window ran out",
      referralAt: hours(-1),
      freeEntryPointExpiresAt: hours(-20),
      opens: hours(72),
    },
  ])("$case", ({ referralAt, freeEntryPointExpiresAt, opens }) => {
    expect(freeEntryPointOpenedBy({ referralAt, freeEntryPointExpiresAt, replyAt: now })).toEqual(opens);
  });
});
