"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useRef } from "react";
import type { DrillDown, StatsParams } from "@/components/api/client";
import { useDrillDown } from "@/components/api/hooks";
import { Button } from "@/components/ui/button";
import type { DrillTarget } from "./dashboard-context";
import type { Formats } from "./format";
import { Failed, Skeleton } from "./states";

// The messages behind a number, in a side panel (a native <dialog>: focus stays in it, Escape closes
// it), newest first in keyset pages. Each opens its conversation.

export function drillParams(base: StatsParams, target: DrillTarget): StatsParams & DrillDown {
  const { from, to, tz, bucket } = base;
  const scope: StatsParams = target.unfiltered ? { from, to, tz, bucket } : { ...base };
  return {
    ...scope,
    ...target.range,
    ...target.narrow,
    ...(target.status ? { status: target.status } : {}),
    ...(target.errorCode !== undefined ? { errorCode: target.errorCode } : {}),
  };
}

export function DrillPanel({
  target,
  params,
  format,
  onClose,
}: {
  target: DrillTarget | null;
  params: (StatsParams & DrillDown) | null;
  format: Formats;
  onClose: () => void;
}) {
  const t = useTranslations("dashboard");
  const ref = useRef<HTMLDialogElement>(null);
  const query = useDrillDown(params);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (target && !dialog.open) dialog.showModal();
    if (!target && dialog.open) dialog.close();
  }, [target]);

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      onClick={(event) => event.target === ref.current && onClose()}
      className="fixed inset-y-0 right-0 left-auto m-0 h-full max-h-none w-full max-w-xl border-l border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-black/40"
      aria-label={target?.title ?? t("drill.messages")}
      data-testid="drill-panel"
    >
      {target && (
        <div className="flex h-full flex-col">
          <header className="flex items-center justify-between border-b border-slate-200 px-4 py-3">
            <h2 className="text-sm font-semibold">{target.title}</h2>
            <Button size="sm" tone="ghost" onClick={onClose}>
              {t("drill.close")}
            </Button>
          </header>
          <div className="min-h-0 flex-1 overflow-y-auto px-4 py-2">
            {query.error ? (
              <Failed error={query.error} retry={() => void query.refetch()} />
            ) : query.isPending ? (
              <Skeleton rows={8} />
            ) : query.items.length === 0 ? (
              <p className="py-8 text-center text-sm text-slate-500">{t("drill.empty")}</p>
            ) : (
              <ul className="divide-y divide-slate-100" data-testid="drill-items">
                {query.items.map((item) => (
                  <li key={item.messageId}>
                    <Link
                      href={`/inbox/${item.conversationId}`}
                      className="block rounded px-2 py-2 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-500"
                      data-testid="drill-item"
                      data-status={item.status}
                    >
                      <span className="flex justify-between gap-2">
                        <span className="truncate font-medium">
                          {item.contactName ?? (item.contactNumber ? `+${item.contactNumber}` : t("drill.unknownCustomer"))}
                        </span>
                        <span className="shrink-0 text-xs text-slate-500">{format.dateTime(item.sentAt ?? item.createdAt)}</span>
                      </span>
                      <span className="flex flex-wrap gap-x-2 text-xs text-slate-500">
                        <span className={item.status.toLowerCase() === "failed" ? "font-medium text-red-700" : ""}>
                          {t("column", { column: item.status.toLowerCase() })}
                          {item.errorCode !== null && ` · ${t("errorCode", { code: String(item.errorCode) })}`}
                        </span>
                        <span>{item.template ?? t("kind", { kind: item.kind })}</span>
                        <span>{item.inbox}</span>
                        {item.agent && <span>{t("drill.by", { name: item.agent })}</span>}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </div>
          {query.hasNextPage && (
            <footer className="border-t border-slate-200 px-4 py-2">
              <Button size="sm" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage} data-testid="drill-more">
                {query.isFetchingNextPage ? t("drill.loading") : t("drill.more")}
              </Button>
            </footer>
          )}
        </div>
      )}
    </dialog>
  );
}
