"use client";

import { useTranslations } from "next-intl";
import type { AuditLogItem } from "@/components/api/types";
import { AuditDiff } from "./audit-diff";
import { AuditTime } from "./audit-time";

// One event: a dense line (when, who, what, target, IP) that opens to show the reason, the
// before/after diff and the raw ids. The line is a button, so Enter or Space opens it.

export function AuditRow({ item, open, onToggle, broken }: { item: AuditLogItem; open: boolean; onToggle: () => void; broken: boolean }) {
  const t = useTranslations("audit");
  const detailsId = `audit-event-${item.id}`;
  return (
    <>
      <tr
        className={`border-t border-slate-100 align-top hover:bg-slate-50 ${broken ? "bg-red-50 text-red-900" : ""} ${open ? "bg-slate-50" : ""}`}
        data-testid="audit-event-row"
      >
        <td className="px-2 py-1.5 text-right tabular-nums text-slate-500">{item.seq}</td>
        <td className="whitespace-nowrap px-2 py-1.5">
          <AuditTime at={item.at} />
        </td>
        <td className="px-2 py-1.5">{item.actor.name}</td>
        <td className="px-2 py-1.5">
          <button
            type="button"
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={onToggle}
            className="text-left hover:underline focus-visible:ring-2 focus-visible:ring-brand-500"
          >
            <span aria-hidden className="mr-1 inline-block w-3 text-slate-500">
              {open ? "▾" : "▸"}
            </span>
            {item.summary}
          </button>
          {item.reason && <p className="ml-4 text-xs text-slate-500">{item.reason}</p>}
        </td>
        <td className="px-2 py-1.5 text-xs">
          <span className="text-slate-500">{t("targetType", { type: item.target.type })}</span>{" "}
          {item.target.name ?? <span className="font-mono">{item.target.id}</span>}
        </td>
        <td className="whitespace-nowrap px-2 py-1.5 font-mono text-xs text-slate-500">{item.ip ?? "—"}</td>
      </tr>
      {open && (
        <tr id={detailsId} className="bg-slate-50">
          <td />
          <td colSpan={5} className="px-2 pb-3">
            <div className="space-y-2 rounded-md border border-slate-200 bg-white p-3">
              <AuditDiff before={item.before} after={item.after} />
              <p className="flex flex-wrap gap-x-4 text-[11px] text-slate-500">
                <span>{t.rich("rawAction", { value: item.action, mono })}</span>
                <span>{t.rich("rawTarget", { value: `${item.target.type} ${item.target.id}`, mono })}</span>
                {item.actor.id && <span>{t.rich("rawActor", { value: item.actor.id, mono })}</span>}
                <span>{t.rich("rawEvent", { value: item.id, mono })}</span>
              </p>
            </div>
          </td>
        </tr>
      )}
    </>
  );
}

const mono = (chunks: React.ReactNode) => <span className="font-mono">{chunks}</span>;
