"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { defaultFilter, type ListFilter } from "@/lib/conversations/list-filter";

// The list's filters live in the URL (?status=…&assignee=…&q=…&label=…&window=…&sort=…&channel=…), so a link
// or a reload shows the same list. Defaults are left out, so the plain inbox stays /inbox. Values
// are passed to the API as they are: the server validates them, and a bad link reads as an error.

const names = ["status", "assignee", "q", "label", "window", "sort", "channel"] as const satisfies readonly (keyof ListFilter)[];

export function filterFromSearch(params: URLSearchParams): ListFilter {
  const filter: Record<string, string | undefined> = { ...defaultFilter };
  for (const name of names) {
    const value = params.get(name);
    if (value) filter[name] = value;
  }
  return filter as ListFilter;
}

export function searchFromFilter(filter: ListFilter): string {
  const params = new URLSearchParams();
  for (const name of names) {
    const value = filter[name];
    if (value && value !== (defaultFilter as Partial<ListFilter>)[name]) params.set(name, value);
  }
  return params.toString();
}

export function useListFilter(): [ListFilter, (filter: ListFilter) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const filter = useMemo(() => filterFromSearch(new URLSearchParams(params.toString())), [params]);
  // A filter change is a history entry of its own (Back undoes it) without a server round trip:
  // Next keeps useSearchParams in step with history.pushState.
  const setFilter = useCallback(
    (next: ListFilter) => {
      const search = searchFromFilter(next);
      window.history.pushState(null, "", search ? `${pathname}?${search}` : pathname);
    },
    [pathname],
  );
  return [filter, setFilter];
}
