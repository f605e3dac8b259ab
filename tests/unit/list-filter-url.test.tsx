import { describe, expect, it } from "vitest";
import { filterFromSearch, searchFromFilter } from "@/components/inbox/use-list-filter";
import { defaultFilter } from "@/lib/conversations/list-filter";

// The list's filters in the address bar: defaults stay out of it, the rest survive a round trip.

describe("list filters in the URL", () => {
  it("leaves the default list at a bare /inbox", () => {
    expect(searchFromFilter(defaultFilter)).toBe("");
    expect(filterFromSearch(new URLSearchParams(""))).toEqual(defaultFilter);
  });

  it("carries every filter there and back", () => {
    const filter = { assignee: "me", status: "ALL", sort: "waiting", q: "oak table", label: "l1", window: "closing" } as const;
    const search = searchFromFilter(filter);
    expect(search).toBe("status=ALL&assignee=me&q=oak+table&label=l1&window=closing&sort=waiting");
    expect(filterFromSearch(new URLSearchParams(search))).toEqual(filter);
  });
});
