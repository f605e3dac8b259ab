"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { diffFields, truncate, type DiffRow } from "@/lib/audit/audit-diff";

// An event's before and after, one row per field (nested values flattened into paths): old → new.
// A creation or deletion lists every field it carried; long values are cut, with a button to show
// them whole.

const MAX = 140;

export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const t = useTranslations("audit");
  const oneSided = before === null || after === null;
  const rows = diffFields(before, after, { unchanged: oneSided });
  if (rows.length === 0) {
    return <p className="text-xs text-slate-500">{before === null && after === null ? t("noBeforeAfter") : t("nothingChanged")}</p>;
  }
  return (
    <table className="w-full table-fixed text-xs" data-testid="audit-diff">
      <thead className="text-left text-[11px] uppercase tracking-wide text-slate-500">
        <tr>
          <th className="w-1/4 py-1 pr-2 font-medium">{t("field")}</th>
          <th className="py-1 pr-2 font-medium">{t("before")}</th>
          <th className="w-4" aria-hidden />
          <th className="py-1 font-medium">{t("after")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <DiffLine key={row.field} row={row} />
        ))}
      </tbody>
    </table>
  );
}

function DiffLine({ row }: { row: DiffRow }) {
  const t = useTranslations("audit");
  return (
    <tr className="border-t border-slate-100 align-top" data-testid="audit-diff-row">
      <td className="break-all py-1 pr-2 font-mono text-slate-600">{row.field}</td>
      <td className="py-1 pr-2">
        <Value text={row.before} tone={row.change === "same" ? "same" : "before"} />
      </td>
      <td className="py-1 text-slate-500" aria-label={t("becomes")}>
        →
      </td>
      <td className="py-1">
        <Value text={row.after} tone={row.change === "same" ? "same" : "after"} />
      </td>
    </tr>
  );
}

const tones = { before: "bg-red-50 text-red-800", after: "bg-emerald-50 text-emerald-800", same: "text-slate-700" };

function Value({ text, tone }: { text: string | null; tone: keyof typeof tones }) {
  const t = useTranslations("audit");
  const [whole, setWhole] = useState(false);
  if (text === null) return <span className="text-slate-500">—</span>;
  const cut = truncate(text, MAX);
  return (
    <span className={`whitespace-pre-wrap break-all rounded px-1 font-mono ${tones[tone]}`}>
      {whole ? text : cut.text}
      {cut.cut && (
        <button type="button" onClick={() => setWhole((value) => !value)} className="ml-1 font-sans text-brand-700 hover:underline">
          {whole ? t("showLess") : t("showAll", { count: text.length })}
        </button>
      )}
    </span>
  );
}
