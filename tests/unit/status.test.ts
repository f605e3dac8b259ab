import { describe, expect, it } from "vitest";
import { nextStatus, parseReceiptStatus, type MessageStatus, type ReceiptStatus } from "@/lib/conversations/status";

describe("nextStatus", () => {
  it.each<[MessageStatus, ReceiptStatus, MessageStatus]>([
    ["QUEUED", "SENT", "SENT"],
    ["SENT", "DELIVERED", "DELIVERED"],
    ["DELIVERED", "READ", "READ"],
    ["SENT", "READ", "READ"], // delivered can be skipped
    ["READ", "PLAYED", "PLAYED"],
    // never backwards
    ["READ", "DELIVERED", "READ"],
    ["READ", "SENT", "READ"],
    ["DELIVERED", "SENT", "DELIVERED"],
    ["PLAYED", "READ", "PLAYED"],
    // duplicates change nothing
    ["DELIVERED", "DELIVERED", "DELIVERED"],
    // failed is terminal for a send
    ["QUEUED", "FAILED", "FAILED"],
    ["SENT", "FAILED", "FAILED"],
    ["DELIVERED", "FAILED", "FAILED"],
    ["FAILED", "SENT", "FAILED"],
    ["FAILED", "READ", "FAILED"],
    // a message the customer read cannot have failed
    ["READ", "FAILED", "READ"],
    // a send whose answer was lost, or that the agent discarded: the receipt proves it went out
    ["SENDING", "SENT", "SENT"],
    ["UNCONFIRMED", "DELIVERED", "DELIVERED"],
    ["DISCARDED", "READ", "READ"],
    ["SENDING", "FAILED", "FAILED"],
  ])("%s + %s → %s", (current, incoming, expected) => {
    expect(nextStatus(current, incoming)).toBe(expected);
  });

  it("reaches the same status whatever order the receipts arrive in", () => {
    const receipts: ReceiptStatus[] = ["SENT", "DELIVERED", "READ"];
    const orders = [
      [0, 1, 2],
      [0, 2, 1],
      [1, 0, 2],
      [1, 2, 0],
      [2, 0, 1],
      [2, 1, 0],
    ];
    for (const order of orders) {
      const final = order.reduce<MessageStatus>((status, index) => nextStatus(status, receipts[index]), "QUEUED");
      expect(final).toBe("READ");
    }
  });
});

describe("parseReceiptStatus", () => {
  it("maps Meta's names and refuses others", () => {
    expect(parseReceiptStatus("sent")).toBe("SENT");
    expect(parseReceiptStatus("delivered")).toBe("DELIVERED");
    expect(parseReceiptStatus("read")).toBe("READ");
    expect(parseReceiptStatus("played")).toBe("PLAYED");
    expect(parseReceiptStatus("failed")).toBe("FAILED");
    expect(parseReceiptStatus("deleted")).toBeNull();
    expect(parseReceiptStatus("READ")).toBeNull();
  });
});
