import { describe, expect, it } from "vitest";
import { formats } from "../../components/dashboard/format";

// The dashboard's numbers through Intl: the user's locale and the dashboard's time zone decide.

describe("dashboard formats", () => {
  const en = formats("en-US", "Asia/Kolkata");

  it.each([
    [null, "—"],
    [42, "42 sec"],
    [90, "1.5 min"],
    [3 * 3600 + 720, "3.2 hr"],
    [2 * 86_400, "2 days"],
  ])("reads %s seconds as %s", (seconds, text) => {
    expect(en.duration(seconds)).toBe(text);
  });

  it("formats counts, shares and money in the locale", () => {
    expect(en.count(1234567)).toBe("1,234,567");
    expect(formats("de-DE", "UTC").count(1234567)).toBe("1.234.567");
    expect(en.rate(0.857)).toBe("85.7%");
    expect(en.rate(null)).toBe("—");
    expect(en.money(12.5)).toBe("$12.50");
    expect(en.money(0.0768, "USD", true)).toBe("$0.0768");
  });

  it("names a bucket by its start in the dashboard's time zone", () => {
    // 18:30 UTC is midnight in Kolkata: the day bucket is the 1st of December there.
    expect(en.bucket("2026-11-30T18:30:00.000Z", "day")).toBe("Dec 1");
    expect(en.bucket("2026-11-30T18:30:00.000Z", "month")).toBe("Dec 2026");
    expect(formats("en-US", "UTC").bucket("2026-11-30T18:30:00.000Z", "day")).toBe("Nov 30");
  });
});
