import { describe, expect, it } from "vitest";
import { describeEvent, knownActions } from "@/lib/audit/audit-actions";
import type { Translate } from "@/lib/i18n/phrase";
import { translator } from "@/lib/i18n/translator";
import { diffFields, truncate } from "@/lib/audit/audit-diff";
import { auditPageSchema, filterParams, searchTerms } from "@/lib/audit/audit-filter";
import { csvCell, csvLine } from "@/lib/audit/csv";
import { startOfDay, zoneOffset } from "@/lib/audit/zoned-day";

// The audit log's pure parts: sentences, diffs, CSV cells and the filter's rules.

describe("audit event sentences", () => {
  it.each([
    [
      { action: "user.role_changed", target: "Priya", before: { role: "AGENT" }, after: { role: "MANAGER" } },
      "Changed Priya's role from Agent to Manager",
    ],
    [
      { action: "user.role_changed", target: "James", before: { role: "MANAGER" }, after: { role: "ADMIN" } },
      "Changed James' role from Manager to Admin",
    ],
    [{ action: "invite.created", target: "invite x", before: null, after: { email: "a@b.c", role: "AGENT" } }, "Invited a@b.c as Agent"],
    [{ action: "canned_response.saved", target: "c", before: null, after: { shortcut: "hi" } }, "Added the canned reply /hi"],
    [
      { action: "canned_response.saved", target: "c", before: { shortcut: "hi" }, after: { shortcut: "hi" } },
      "Changed the canned reply /hi",
    ],
    [
      { action: "auth.sign_in_failed", target: "x", before: null, after: { email: "a@b.c" }, reason: "wrong password" },
      "Failed to sign in as a@b.c (wrong password)",
    ],
    [{ action: "something.new", target: "x", before: null, after: null }, "something.new"],
    // Fields not as expected do not break the sentence.
    [
      { action: "user.inboxes_changed", target: "Priya", before: null, after: { inboxes: "?" } },
      "Changed Priya's inboxes from 0 inboxes to 0 inboxes",
    ],
  ])("%o", (facts, sentence) => {
    expect(describeEvent({ reason: null, ...facts }, translator("en") as Translate)).toBe(sentence);
  });

  it("words a sentence in the reader's language", () => {
    const facts = { action: "user.role_changed", target: "Priya", before: { role: "AGENT" }, after: { role: "MANAGER" }, reason: null };
    expect(describeEvent(facts, translator("hi") as Translate)).not.toBe(describeEvent(facts, translator("en") as Translate));
    expect(describeEvent(facts, translator("hi") as Translate)).toContain("Priya");
  });

  it("names every known action in every language", () => {
    for (const locale of ["en", "hi", "bn", "te", "tl"] as const) {
      const t = translator(locale);
      for (const action of knownActions) {
        expect(t.has(`audit.actions.${action}` as Parameters<typeof t.has>[0]), `${locale} ${action}`).toBe(true);
        expect(t.has(`audit.summary.${action}` as Parameters<typeof t.has>[0]), `${locale} ${action}`).toBe(true);
      }
    }
  });

  it("lists every known action once, sorted", () => {
    expect(knownActions).toContain("user.role_changed");
    expect([...knownActions].sort()).toEqual(knownActions);
  });
});

describe("before/after diff", () => {
  it("flattens nested JSON into paths and shows only what changed", () => {
    const rows = diffFields(
      { role: "AGENT", limits: { open: 5, channels: ["a", "b"] }, same: 1 },
      { role: "MANAGER", limits: { open: 5, channels: ["a"] }, same: 1, added: true },
    );
    expect(rows).toEqual([
      { field: "added", before: null, after: "true", change: "added" },
      { field: "limits.channels.1", before: "b", after: null, change: "removed" },
      { field: "role", before: "AGENT", after: "MANAGER", change: "changed" },
    ]);
  });

  it("keeps unchanged fields when asked, orders list indexes as numbers", () => {
    const list = Array.from({ length: 11 }, (_, i) => i);
    const rows = diffFields(null, { list }, { unchanged: true });
    expect(rows.map((row) => row.field).slice(-2)).toEqual(["list.9", "list.10"]);
    expect(rows.every((row) => row.change === "added")).toBe(true);
  });

  it("shows an empty object or list as a value of its own", () => {
    expect(diffFields({ tags: ["x"] }, { tags: [] })).toEqual([
      { field: "tags", before: null, after: "[]", change: "added" },
      { field: "tags.0", before: "x", after: null, change: "removed" },
    ]);
  });

  it("cuts long values", () => {
    expect(truncate("x".repeat(10), 4)).toEqual({ text: "xxxx…", cut: true });
    expect(truncate("short", 40)).toEqual({ text: "short", cut: false });
  });
});

describe("CSV cells", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+1 555", "'+1 555"],
    ["-2", "'-2"],
    ["@cmd", "'@cmd"],
    ['=HYPERLINK("x","y")', '"\'=HYPERLINK(""x"",""y"")"'],
    [null, ""],
    [{ a: 1 }, '"{""a"":1}"'],
  ])("%o → %s", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it("ends lines with CRLF", () => {
    expect(csvLine(["a", 1, null])).toBe("a,1,\r\n");
  });
});

describe("the audit log's filter", () => {
  it("reads the URL: blanks unset, actions split, dates or instants", () => {
    const parsed = auditPageSchema.parse({
      actor: "",
      action: "user.role_changed, invite.created,",
      from: "2026-11-01",
      to: "2026-11-30T12:00:00+05:30",
      cursor: "42",
    });
    expect(parsed).toEqual({
      action: ["user.role_changed", "invite.created"],
      from: "2026-11-01",
      to: "2026-11-30T12:00:00+05:30",
      cursor: "42",
    });
    expect(filterParams(parsed).toString()).toBe(
      "action=user.role_changed%2Cinvite.created&from=2026-11-01&to=2026-11-30T12%3A00%3A00%2B05%3A30&cursor=42",
    );
  });

  it.each([{ cursor: "abc" }, { from: "yesterday" }, { limit: "5000" }])("refuses %o", (query) => {
    expect(auditPageSchema.safeParse(query).success).toBe(false);
  });

  it("searches by at most eight distinct words", () => {
    expect(searchTerms("  role  role agent ")).toEqual(["role", "agent"]);
    expect(searchTerms("a b c d e f g h i j")).toHaveLength(8);
  });
});

describe("days in the viewer's time zone", () => {
  it.each([
    ["2026-11-30", "Asia/Kolkata", 0, "2026-11-29T18:30:00.000Z"],
    ["2026-11-30", "Asia/Kolkata", 1, "2026-11-30T18:30:00.000Z"],
    ["2026-11-30", "America/New_York", 0, "2026-11-30T05:00:00.000Z"],
    ["2026-11-30", "UTC", 0, "2026-11-30T00:00:00.000Z"],
    // Daylight saving: New York's 8 March 2026 is 23 hours long, Berlin's 25 October 2026 is 25.
    ["2026-03-08", "America/New_York", 0, "2026-03-08T05:00:00.000Z"],
    ["2026-03-08", "America/New_York", 1, "2026-03-09T04:00:00.000Z"],
    ["2026-10-25", "Europe/Berlin", 0, "2026-10-24T22:00:00.000Z"],
    ["2026-10-25", "Europe/Berlin", 1, "2026-10-25T23:00:00.000Z"],
  ])("%s in %s, +%i days, starts at %s", (day, zone, plus, instant) => {
    expect(startOfDay(day, zone, plus).toISOString()).toBe(instant);
  });

  it("knows a zone's offset at a moment", () => {
    expect(zoneOffset(new Date("2026-07-01T12:00:00Z"), "Europe/Berlin")).toBe(2 * 3_600_000);
    expect(zoneOffset(new Date("2026-12-01T12:00:00Z"), "Asia/Kathmandu")).toBe(5.75 * 3_600_000);
  });
});
