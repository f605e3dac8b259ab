import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha256Matches } from "@/lib/media/verify-sha256";
import { nextReactions } from "@/lib/conversations/next-reactions";
import { flowFields } from "@/lib/whatsapp/flow-response";
import { previewText } from "@/lib/whatsapp/inbound-content";
import { formatBytes, isAllowedMime, type MediaType } from "@/lib/whatsapp/media-rules";
import { formatMoney, orderSummary } from "@/lib/whatsapp/order-summary";

// The pure rules behind inbound messages: reactions, media checks, Flow answers, order totals.

describe("nextReactions", () => {
  const at = (iso: string) => new Date(iso);
  const thumbs = { by: "customer", emoji: "👍", at: "2026-01-01T10:00:00.000Z" };
  const agent = { by: "user-1", emoji: "🙏", at: "2026-01-01T09:00:00.000Z" };

  it.each([
    [
      "adds the customer's reaction",
      [],
      "😮",
      "2026-01-01T11:00:00.000Z",
      [{ by: "customer", emoji: "😮", at: "2026-01-01T11:00:00.000Z" }],
    ],
    [
      "replaces it with a newer one",
      [thumbs, agent],
      "❤️",
      "2026-01-01T11:00:00.000Z",
      [agent, { by: "customer", emoji: "❤️", at: "2026-01-01T11:00:00.000Z" }],
    ],
    ["removes it on an empty emoji", [thumbs, agent], "", "2026-01-01T11:00:00.000Z", [agent]],
    ["removes it when the emoji is absent", [thumbs], undefined, "2026-01-01T11:00:00.000Z", []],
    ["ignores a change older than the stored one", [thumbs], "😮", "2026-01-01T08:00:00.000Z", null],
    [
      "tolerates garbage in the column",
      "not a list",
      "👍",
      "2026-01-01T11:00:00.000Z",
      [{ by: "customer", emoji: "👍", at: "2026-01-01T11:00:00.000Z" }],
    ],
  ])("%s", (_label, current, emoji, when, expected) => {
    expect(nextReactions({ current, by: "customer", emoji, at: at(when) })).toEqual(expected);
  });
});

describe("sha256Matches", () => {
  const bytes = Buffer.from("a voice note");
  const digest = createHash("sha256").update(bytes).digest();
  it.each([
    ["hex", digest.toString("hex"), true],
    ["upper-case hex", digest.toString("hex").toUpperCase(), true],
    ["base64", digest.toString("base64"), true],
    ["base64 without padding", digest.toString("base64").replace(/=+$/, ""), true],
    ["another file's digest", createHash("sha256").update("other").digest("base64"), false],
    ["a malformed value", "4654+8g=", false],
  ])("%s → %s", (_label, expected, result) => {
    expect(sha256Matches(bytes, expected)).toBe(result);
  });
});

describe("isAllowedMime", () => {
  it.each<[MediaType, string, boolean]>([
    ["image", "image/jpeg", true],
    ["image", "image/svg+xml", false],
    ["image", "application/pdf", false],
    ["sticker", "image/webp", true],
    ["sticker", "image/png", false],
    ["audio", "audio/ogg; codecs=opus", true],
    ["video", "video/mp4", true],
    ["video", "audio/mpeg", false],
    ["document", "application/pdf", true],
    ["document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", true],
    ["document", "text/plain", true],
    ["document", "text/html", false],
    ["document", "application/x-msdownload", false],
  ])("%s as %s → %s", (type, mimeType, allowed) => {
    expect(isAllowedMime({ type, mimeType })).toBe(allowed);
  });

  it("formats limits as people read them", () => {
    expect([formatBytes(500 * 1024), formatBytes(5 * 1024 * 1024), formatBytes(1_572_864), formatBytes(12)]).toEqual([
      "500 KB",
      "5 MB",
      "1.5 MB",
      "12 B",
    ]);
  });
});

describe("flowFields", () => {
  it("humanises keys, drops the flow token and flattens nested answers", () => {
    const json = JSON.stringify({
      flow_token: "secret",
      appointment_date: "2026-05-04",
      newsletter: true,
      toppings: ["oak", "walnut"],
      address: { zip_code: "10178" },
      note: "",
    });
    expect(flowFields(json)).toEqual([
      { key: "appointment_date", label: "Appointment date", value: "2026-05-04" },
      { key: "newsletter", label: "Newsletter", value: "Yes" },
      { key: "toppings", label: "Toppings", value: "oak, walnut" },
      { key: "address.zip_code", label: "Address › Zip code", value: "10178" },
      { key: "note", label: "Note", value: "—" },
    ]);
  });

  it.each([
    ["not JSON", "{oops"],
    ["a JSON list", "[1,2]"],
    ["no string at all", 42],
  ])("is null for %s", (_label, value) => {
    expect(flowFields(value)).toBeNull();
  });
});

describe("orderSummary", () => {
  it("totals each currency and counts items", () => {
    const summary = orderSummary({
      product_items: [
        { product_retailer_id: "DESK", quantity: 1, item_price: 499.99, currency: "EUR" },
        { product_retailer_id: "CHAIR", quantity: "2", item_price: "129.5", currency: "EUR" },
        { product_retailer_id: "LAMP", quantity: 1, item_price: 20, currency: "USD" },
      ],
    });
    expect(summary.itemCount).toBe(4);
    expect(summary.totals).toEqual([
      { currency: "EUR", amount: 758.99 },
      { currency: "USD", amount: 20 },
    ]);
    expect(formatMoney(758.99, "EUR")).toBe("€758.99");
    expect(formatMoney(3, "???")).toBe("3.00 ???");
  });

  it("survives an order without items", () => {
    expect(orderSummary(undefined)).toEqual({ lines: [], totals: [], itemCount: 0 });
  });
});

describe("previewText", () => {
  it.each([
    [{ type: "text", text: "Hi" }, "Hi"],
    [{ type: "audio", text: null, content: { audio: { voice: true } } }, "Voice message"],
    [{ type: "audio", text: null, content: { audio: { voice: false } } }, "Audio"],
    [{ type: "document", text: "invoice.pdf" }, "Document: invoice.pdf"],
    [{ type: "contacts", text: "Chandler Bing" }, "Contact: Chandler Bing"],
    [{ type: "order", text: null, content: { order: { product_items: [{ quantity: 3 }, { quantity: 2 }] } } }, "Order: 5 items"],
    [{ type: "interactive", text: "Appointment date: 2026-05-04\nParty size: 2" }, "Appointment date: 2026-05-04"],
    [{ type: "unsupported", text: null }, "Unsupported message"],
    // A type named like one of Object's own members is just an unknown type.
    [{ type: "constructor", text: null }, "Unsupported message"],
    [{ type: "toString", text: "Hi" }, "Hi"],
  ])("%j → %s", (message, expected) => {
    expect(previewText(message)).toBe(expected);
  });
});
