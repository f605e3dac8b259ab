import { describe, expect, it } from "vitest";
import { serviceWindow } from "@/lib/conversations/window";

const now = new Date("2026-11-21T12:00:00Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

describe("serviceWindow", () => {
  it("is open for 24 h after the customer's latest message", () => {
    const window = serviceWindow({ lastInboundAt: hoursAgo(23), now });
    expect(window.open).toBe(true);
    expect(window.msLeft).toBe(3_600_000);
    expect(window.expiresAt?.toISOString()).toBe("2026-11-21T13:00:00.000Z");
  });

  it("is closed at and after 24 h", () => {
    expect(serviceWindow({ lastInboundAt: hoursAgo(24), now }).open).toBe(false);
    expect(serviceWindow({ lastInboundAt: hoursAgo(25), now })).toMatchObject({ open: false, msLeft: 0 });
  });

  it("is closed when the customer never wrote", () => {
    expect(serviceWindow({ lastInboundAt: null, now })).toEqual({ open: false, expiresAt: null, msLeft: 0 });
  });
});
