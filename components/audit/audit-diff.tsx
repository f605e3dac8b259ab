"use client";

import { useState } from "react";
import { diffFields, truncate, type DiffRow } from "@/lib/audit/audit-diff";

// An event's before and after, one row per field (nested values flattened into paths): old → new.
// A creation or deletion lists every field it carried; long values are cut, with a button to show
// them whole.

const MAX = 140;

export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const oneSided = before === null || after === null;
  const rows = diffFields(before, after, { unchanged: oneSided });
  if (rows.length === 0) {
    return (
      <p className="text-xs text-slate-500">{before === null && after === null ? "No before or after recorded." : "Nothing changed."}</p>
    );
  }
  return (
    <table className="w-full table-fixed text-xs" data-testid="audit-diff">
      <thead className="text-left text-[11px] uppercase tracking-wide text-slate-500">
        <tr>
          <th className="w-1/4 py-1 pr-2 font-medium">Field</th>
          <th className="py-1 pr-2 font-medium">Before</th>
          <th className="w-4" aria-hidden />
          <th className="py-1 font-medium">After</th>
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
  return (
    <tr className="border-t border-slate-100 align-top" data-testid="audit-diff-row">
      <td className="break-all py-1 pr-2 font-mono text-slate-600">{row.field}</td>
      <td className="py-1 pr-2">
        <Value text={row.before} tone={row.change === "same" ? "same" : "before"} />
      </td>
      <td className="py-1 text-slate-500" aria-label="becomes">
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
  const [whole, setWhole] = useState(false);
  if (text === null) return <span className="text-slate-500">—</span>;
  const cut = truncate(text, MAX);
  return (
    <span className={`whitespace-pre-wrap break-all rounded px-1 font-mono ${tones[tone]}`}>
      {whole ? text : cut.text}
      {cut.cut && (
        <button type="button" onClick={() => setWhole((value) => !value)} className="ml-1 font-sans text-brand-700 hover:underline">
          {whole ? "show less" : `show all ${text.length.toLocaleString()} characters`}
        </button>
      )}
    </span>
  );
}
