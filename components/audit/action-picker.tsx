"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { actionLabel, knownActions } from "@/lib/audit/audit-actions";
import type { Translate } from "@/lib/i18n/phrase";

// A multi-select of the known actions: a button that opens a list of checkboxes. Escape or a click
// outside closes it and gives focus back to the button.

export function ActionPicker({ selected, onChange }: { selected: string[]; onChange: (actions: string[]) => void }) {
  const t = useTranslations("audit");
  const words = useTranslations() as Translate;
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => !root.current?.contains(event.target as Node) && setOpen(false);
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, [open]);

  const toggle = (action: string) =>
    onChange(selected.includes(action) ? selected.filter((item) => item !== action) : [...selected, action].sort());
  const summary = selected.length === 1 ? actionLabel(selected[0]!, words) : t("actionsChosen", { count: selected.length });

  return (
    <div
      ref={root}
      className="relative flex flex-col gap-0.5 text-xs text-slate-500"
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <span id="audit-action-label">{t("action")}</span>
      <button
        ref={button}
        type="button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-labelledby="audit-action-label audit-action-summary"
        onClick={() => setOpen((value) => !value)}
        className="min-w-40 rounded-md border border-slate-200 bg-white px-2 py-1 text-left text-sm text-slate-800 focus:border-brand-500"
      >
        <span id="audit-action-summary">{summary}</span> <span aria-hidden>▾</span>
      </button>
      {open && (
        <fieldset className="absolute left-0 top-full z-20 mt-1 max-h-80 w-72 overflow-y-auto rounded-md border border-slate-200 bg-white p-2 shadow-lg">
          <legend className="sr-only">{t("actionsToShow")}</legend>
          {selected.length > 0 && (
            <button type="button" className="mb-1 text-xs text-brand-700 hover:underline" onClick={() => onChange([])}>
              {t("actionsChosen", { count: 0 })}
            </button>
          )}
          {knownActions.map((action) => (
            <label
              key={action}
              className="flex cursor-pointer items-center gap-2 rounded px-1 py-0.5 text-sm text-slate-700 hover:bg-slate-50"
            >
              <input type="checkbox" checked={selected.includes(action)} onChange={() => toggle(action)} />
              <span className="flex-1">{actionLabel(action, words)}</span>
              <span className="font-mono text-[10px] text-slate-500">{action}</span>
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
