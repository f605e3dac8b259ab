import { describe, expect, it } from "vitest";
import { foldInboundChanges, type FoldedConversation } from "@/lib/conversations/fold-inbound-changes";
import { inboundConversationChanges } from "@/lib/conversations/inbound-conversation-changes";
import { receiptChanges, type ReceiptFields } from "@/lib/conversations/receipt-changes";
import { LANES, laneOf } from "@/lib/webhooks/lanes";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 10, 10, minute));

describe("laneOf", () => {
  it("puts one customer's bodies in one lane, and spreads customers over every lane", () => {
    expect(laneOf("109876:4915112345678")).toBe(laneOf("109876:4915112345678"));
    const lanes = new Set(Array.from({ length: 2000 }, (_, index) => laneOf(`109876:49151${index}`)));
    expect([...lanes].every((lane) => Number.isInteger(lane) && lane >= 0 && lane < LANES)).toBe(true);
    expect(lanes.size).toBe(LANES);
  });
});

describe("receiptChanges", () => {
  const sent: ReceiptFields & { direction: string } = {
    direction: "OUTBOUND",
    status: "SENT",
    sentAt: at(0),
    deliveredAt: null,
    readAt: null,
    playedAt: null,
    failedAt: null,
    errorCode: null,
    errorTitle: null,
    errorDetails: null,
    pricingModel: null,
    pricingType: null,
    pricingCategory: null,
    billable: null,
    metaConversationId: null,
    metaConversationOrigin: null,
    metaConversationExpiresAt: null,
  };
  const receipt = (status: string, minute: number) => ({ status, at: at(minute), error: null, pricing: null, billingConversation: null });

  it("moves forward and keeps every timestamp, whatever the order", () => {
    expect(receiptChanges(sent, receipt("read", 2))).toEqual({ status: "READ", readAt: at(2) });
    const read = { ...sent, status: "READ" as const, readAt: at(2) };
    expect(receiptChanges(read, receipt("delivered", 1))).toEqual({ deliveredAt: at(1) });
    expect(receiptChanges(read, receipt("read", 3))).toEqual({});
  });

  it("records a failure's error and the pricing, and leaves inbound messages alone", () => {
    const failed = { ...receipt("failed", 1), error: { code: 131026, title: "Undeliverable", details: null } };
    expect(receiptChanges(sent, failed)).toMatchObject({ status: "FAILED", failedAt: at(1), errorCode: 131026 });
    const priced = { ...receipt("sent", 0), pricing: { model: "PMP", type: "regular", category: "marketing", billable: true } };
    expect(receiptChanges(sent, priced)).toEqual({
      pricingModel: "PMP",
      pricingType: "regular",
      pricingCategory: "marketing",
      billable: true,
    });
    expect(receiptChanges({ ...sent, direction: "INBOUND" }, receipt("read", 2))).toEqual({});
  });
});

describe("foldInboundChanges", () => {
  const open: FoldedConversation = {
    status: "SNOOZED",
    lastInboundAt: at(0),
    waitingSince: null,
    snoozedUntil: at(50),
    lastMessageAt: at(5),
    lastMessagePreview: "Earlier",
    referral: null,
    referralAt: null,
  };
  const text = (minute: number, preview: string) => ({ type: "text", at: at(minute), preview, referral: null });

  it("leaves the conversation as the messages one after the other would", () => {
    const messages = [text(10, "First"), text(8, "Late arrival"), { ...text(12, "Changed number"), type: "system" }];
    const fold = foldInboundChanges(open, messages);
    expect(fold.unreadAdded).toBe(2);
    expect(fold.values).toMatchObject({
      status: "OPEN",
      lastInboundAt: at(10),
      waitingSince: at(10),
      snoozedUntil: null,
      lastMessageAt: at(10),
      lastMessagePreview: "First",
    });
    // Only what changed is written: the referral was never touched.
    expect(fold.changed.has("referral")).toBe(false);

    let one = { ...open };
    for (const message of messages) {
      const changes = inboundConversationChanges({ conversation: one, created: false, message });
      one = { ...one, ...Object.fromEntries(Object.entries(changes).filter(([key]) => key !== "unreadCount")) };
    }
    expect(fold.values).toEqual(one);
  });

  it("treats the first message of a new conversation as its newest", () => {
    const fresh = { ...open, status: "OPEN" as const, lastInboundAt: null, snoozedUntil: null, lastMessageAt: at(30) };
    const fold = foldInboundChanges(fresh, [text(10, "Hello")], { created: true });
    expect(fold.values).toMatchObject({ lastMessageAt: at(10), lastMessagePreview: "Hello", waitingSince: at(10) });
  });
});
