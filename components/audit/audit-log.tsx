"use client";

import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/i18n/use-error-text";
import { useCallback, useEffect, useRef } from "react";
import { useAuditLog } from "@/components/api/hooks";
import { Button } from "@/components/ui/button";
import { AuditExport } from "./audit-export";
import { AuditFilters, type AuditChoices } from "./audit-filters";
import { AuditTable } from "./audit-table";
import { useAuditFilters, type AuditFilterState } from "./use-audit-filters";

// The audit log: filters (kept in the URL), the matching events newest first, more loaded as the
// end of the list comes into view (or with the button), and the filtered set as a download.

export function AuditLog({ choices, brokenEventId }: { choices: AuditChoices; brokenEventId: string | null }) {
  const t = useTranslations("audit");
  const errorText = useErrorText();
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
          {t("events")}
        </h2>
        <AuditExport filter={apiFilter} />
      </div>
      <AuditFilters state={state} onChange={onChange} choices={choices} active={active} />
      {log.isPending ? (
        <p role="status" className="animate-pulse rounded-lg border border-slate-200 bg-white p-8 text-center text-sm text-slate-500">
          {t("loading")}
        </p>
      ) : log.isError && log.items.length === 0 ? (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800">
          {errorText(log.error, t("loadFailed"))}{" "}
          <Button size="sm" onClick={() => void log.refetch()}>
            {t("tryAgain")}
          </Button>
        </div>
      ) : log.items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-500" data-testid="audit-empty">
          <p className="font-medium text-slate-700">{active ? t("noMatches") : t("noEvents")}</p>
          {active && <p>{t("noMatchesHint")}</p>}
        </div>
      ) : (
        <div className={log.isPlaceholderData ? "opacity-60 transition-opacity" : ""} aria-busy={log.isFetching}>
          <AuditTable items={log.items} brokenEventId={brokenEventId} />
          <div ref={end} className="mt-3 flex items-center gap-3 text-sm text-slate-500">
            {hasNextPage ? (
              <Button onClick={() => void fetchNextPage()} disabled={isFetchingNextPage} aria-busy={isFetchingNextPage}>
                {isFetchingNextPage ? t("loadingMore") : t("loadMore")}
              </Button>
            ) : (
              <span>{t("allShown", { count: log.items.length, matching: active ? "yes" : "no" })}</span>
            )}
            {log.isFetchNextPageError && <span role="alert">{errorText(log.error, t("moreFailed"))}</span>}
          </div>
        </div>
      )}
    </section>
  );
}
