"use client";

import { useCallback, useEffect, useRef } from "react";
import { failureText } from "@/components/api/client";
import { useAuditLog } from "@/components/api/hooks";
import { Button } from "@/components/ui/button";
import { AuditExport } from "./audit-export";
import { AuditFilters, type AuditChoices } from "./audit-filters";
import { AuditTable } from "./audit-table";
import { useAuditFilters, type AuditFilterState } from "./use-audit-filters";

// The audit log: filters (kept in the URL), the matching events newest first, more loaded as the
// end of the list comes into view (or with the button), and the filtered set as a download.

export function AuditLog({ choices, brokenEventId }: { choices: AuditChoices; brokenEventId: string | null }) {
  const { state, setState, apiFilter, active } = useAuditFilters();
  const log = useAuditLog(apiFilter);
  const onChange = useCallback((changes: Partial<AuditFilterState>) => void setState(changes), [setState]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = log;

  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const sentinel = end.current;
    if (!sentinel || !hasNextPage) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <section className="space-y-3" aria-labelledby="audit-log-title">
      <div className="flex items-center justify-between gap-3">
        <h2 id="audit-log-title" className="text-sm font-semibold text-slate-700">
          Events
        </h2>
        <AuditExport filter={apiFilter} />
      </div>
      <AuditFilters state={state} onChange={onChange} choices={choices} active={active} />
      {log.isPending ? (
        <p role="status" className="animate-pulse rounded-lg border border-slate-200 bg-white p-8 text-center text-sm text-slate-500">
          Loading events…
        </p>
      ) : log.isError && log.items.length === 0 ? (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800">
          {failureText(log.error, "The audit log could not be loaded.")}{" "}
          <Button size="sm" onClick={() => void log.refetch()}>
            Try again
          </Button>
        </div>
      ) : log.items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-500" data-testid="audit-empty">
          <p className="font-medium text-slate-700">{active ? "No events match these filters" : "No audit events yet"}</p>
          {active && <p>Try fewer words, another actor or a wider date range.</p>}
        </div>
      ) : (
        <div className={log.isPlaceholderData ? "opacity-60 transition-opacity" : ""} aria-busy={log.isFetching}>
          <AuditTable items={log.items} brokenEventId={brokenEventId} />
          <div ref={end} className="mt-3 flex items-center gap-3 text-sm text-slate-500">
            {hasNextPage ? (
              <Button onClick={() => void fetchNextPage()} disabled={isFetchingNextPage} aria-busy={isFetchingNextPage}>
                {isFetchingNextPage ? "Loading…" : "Load more"}
              </Button>
            ) : (
              <span>
                {log.items.length === 1 ? "The only" : `All ${log.items.length.toLocaleString()}`}
                {active ? " matching" : ""} event{log.items.length === 1 ? "" : "s"} shown.
              </span>
            )}
            {log.isFetchNextPageError && <span role="alert">{failureText(log.error, "More events could not be loaded.")}</span>}
          </div>
        </div>
      )}
    </section>
  );
}
