"use client";

import { useTranslations } from "next-intl";
import { useRef } from "react";
import { tabs, type Tab } from "./use-dashboard-state";

/** The tabs as a WAI-ARIA tab list: arrow keys, Home and End move between them. */
export function TabList({ current, onChange }: { current: Tab; onChange: (tab: Tab) => void }) {
  const t = useTranslations("dashboard");
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (index: number) => {
    const next = (index + tabs.length) % tabs.length;
    onChange(tabs[next]!);
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={t("title")} className="flex gap-1 overflow-x-auto border-b border-slate-200">
      {tabs.map((tab, index) => {
        const selected = tab === current;
        return (
          <button
            key={tab}
            ref={(element) => {
              refs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`tab-${tab}`}
            aria-selected={selected}
            aria-controls="dashboard-panel"
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(tab)}
            onKeyDown={(event) => {
              const step = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
              if (step === undefined) return;
              event.preventDefault();
              move(step);
            }}
            className={`-mb-px shrink-0 border-b-2 px-3 py-2 text-sm whitespace-nowrap ${selected ? "border-brand-600 font-medium text-slate-900" : "border-transparent text-slate-500 hover:text-slate-800"}`}
            data-testid={`tab-${tab}`}
          >
            {t("tab", { tab })}
          </button>
        );
      })}
    </div>
  );
}
