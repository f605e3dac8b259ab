import { describe, expect, it } from "vitest";
import { addDays, dayOf, isDay, lastDays, rangeInstants, startOfDay } from "../../components/dashboard/zoned-range";

// The dashboard's days become the API's instants in the chosen time zone, across changes of offset.

describe("a day in a time zone", () => {
  it.each([
    ["2026-11-30", "UTC", "2026-11-30T00:00:00.000Z"],
    ["2026-11-30", "Asia/Kolkata", "2026-11-29T18:30:00.000Z"],
    ["2026-11-30", "America/New_York", "2026-11-30T05:00:00.000Z"],
    // The day Europe/Berlin moves its clocks forward (at 02:00) still starts at midnight, +01:00.
    ["2026-03-29", "Europe/Berlin", "2026-03-28T23:00:00.000Z"],
    ["2026-03-30", "Europe/Berlin", "2026-03-29T22:00:00.000Z"],
    // São Paulo has no DST now; Sydney is +11 in its summer.
    ["2026-01-15", "Australia/Sydney", "2026-01-14T13:00:00.000Z"],
  ])("%s in %s starts at %s", (day, zone, instant) => {
    expect(startOfDay(day, zone).toISOString()).toBe(instant);
  });

  it("names the calendar day an instant falls on", () => {
    expect(dayOf(new Date("2026-11-30T20:00:00Z"), "Asia/Kolkata")).toBe("2026-12-01");
    expect(dayOf(new Date("2026-11-30T20:00:00Z"), "America/Los_Angeles")).toBe("2026-11-30");
  });

  it("counts days on the calendar, across months and years", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("makes a range of whole days, the last one included", () => {
    expect(rangeInstants("2026-03-28", "2026-03-29", "Europe/Berlin")).toEqual({
      from: "2026-03-27T23:00:00.000Z",
      to: "2026-03-29T22:00:00.000Z",
    });
    expect(lastDays(7, new Date("2026-11-30T20:00:00Z"), "Asia/Kolkata")).toEqual({ from: "2026-11-25", to: "2026-12-01" });
  });

  it("accepts only real calendar days", () => {
    expect(isDay("2026-11-30")).toBe(true);
    expect(isDay("2026-13-01")).toBe(false);
    expect(isDay("30/11/2026")).toBe(false);
    expect(isDay(null)).toBe(false);
  });
});
