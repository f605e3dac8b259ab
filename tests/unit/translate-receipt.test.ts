import { describe, expect, it } from "vitest";
import { translateReceipt } from "@/lib/whatsapp/translate-receipt";
import type { StatusReceipt } from "@/lib/whatsapp/webhook-schema";

// Meta's status webhooks in the domain's words: the fields the inbox applies to a message.

const receipt = (extra: Partial<StatusReceipt>): StatusReceipt => ({
  id: "wamid.1",
  status: "delivered",
  timestamp: "1767261600",
  ...extra,
});

describe("translateReceipt", () => {
  it.each([
    ["a plain receipt", {}, { status: "delivered", error: null, pricing: null, billingConversation: null, marketingStopped: null }],
    [
      "pricing without billable: regular is billable",
      { pricing: { pricing_model: "PMP", type: "regular", category: "marketing" } },
      { pricing: { model: "PMP", type: "regular", category: "marketing", billable: true } },
    ],
    [
      "pricing without billable: free entry point is not",
      { pricing: { type: "free_entry_point" } },
      { pricing: { model: null, type: "free_entry_point", category: null, billable: false } },
    ],
    [
      "an empty pricing object still counts as priced",
      { pricing: {} },
      { pricing: { model: null, type: null, category: null, billable: null } },
    ],
    [
      "Meta's billing conversation",
      { conversation: { id: "c1", origin: { type: "utility" }, expiration_timestamp: "1767348000" } },
      { billingConversation: { id: "c1", origin: "utility", expiresAt: new Date(1767348000 * 1000) } },
    ],
    [
      "the first error, its title falling back to the message",
      { status: "failed", errors: [{ code: 131026, message: "Undeliverable", error_data: { details: "not on WhatsApp" } }] },
      { status: "failed", error: { code: 131026, title: "Undeliverable", details: "not on WhatsApp" }, marketingStopped: null },
    ],
    [
      "error 131050 means the customer stopped marketing messages",
      { status: "failed", errors: [{ code: 131050, title: "Stopped" }] },
      {
        error: { code: 131050, title: "Stopped", details: null },
        marketingStopped: { reason: "A marketing message failed with error 131050: the customer stopped marketing messages." },
      },
    ],
  ])("%s", (_label, extra, expected) => {
    expect(translateReceipt(receipt(extra as Partial<StatusReceipt>))).toMatchObject(expected);
  });

  it("keeps the receipt as sent, and its time and recipient", () => {
    const raw = receipt({ recipient_user_id: "US.1" });
    expect(translateReceipt(raw)).toMatchObject({
      externalId: "wamid.1",
      at: new Date(1767261600 * 1000),
      recipientId: "US.1",
      raw,
    });
  });
});
