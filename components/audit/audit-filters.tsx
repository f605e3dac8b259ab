"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { ActionPicker } from "./action-picker";
import type { AuditFilterState } from "./use-audit-filters";

// The filter bar: search, actor, actions, target and dates. Every control is a plain form element,
// so Tab walks through them; the search waits for a pause in typing before it asks the server.

export type AuditChoices = { actors: { value: string; label: string }[]; targetTypes: string[] };

const field = "rounded-md border border-slate-200 bg-white px-2 py-1 text-sm focus:border-brand-500";

export function AuditFilters({
  state,
  onChange,
  choices,
  active,
}: {
  state: AuditFilterState;
  onChange: (changes: Partial<AuditFilterState>) => void;
  choices: AuditChoices;
  active: boolean;
}) {
  const t = useTranslations("audit");
  // What is typed, ahead of the URL; taken from the URL again when that changes from elsewhere.
  const [q, setQ] = useState(state.q);
  const [urlQ, setUrlQ] = useState(state.q);
  if (state.q !== urlQ) {
    setUrlQ(state.q);
    setQ(state.q);
  }
  useEffect(() => {
    if (q === state.q) return;
    const timer = setTimeout(() => onChange({ q }), 300);
    return () => clearTimeout(timer);
  }, [q, state.q, onChange]);

  return (
    <form
      role="search"
      aria-label={t("filterLabel")}
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => event.preventDefault()}
    >
      <label className="flex min-w-56 flex-1 flex-col gap-0.5 text-xs text-slate-500">
        {t("search")}
        <input
          type="search"
          value={q}
          onChange={(event) => setQ(event.target.value)}
          onKeyDown={(event) => event.key === "Enter" && onChange({ q })}
          placeholder={t("searchPlaceholder")}
          className={field}
          data-testid="audit-search"
        />
      </label>
      <label className="flex flex-col gap-0.5 text-xs text-slate-500">
        {t("actor")}
        <select value={state.actor} onChange={(event) => onChange({ actor: event.target.value })} className={`${field} max-w-56`}>
          <option value="">{t("anyone")}</option>
          {choices.actors.map((actor) => (
            <option key={actor.value} value={actor.value}>
              {actor.label}
            </option>
          ))}
        </select>
      </label>
      <ActionPicker selected={state.action} onChange={(action) => onChange({ action })} />
      <label className="flex flex-col gap-0.5 text-xs text-slate-500">
        {t("target")}
        <span className="flex gap-1">
          <select value={state.targetType} onChange={(event) => onChange({ targetType: event.target.value })} className={field}>
            <option value="">{t("anyKind")}</option>
            {choices.targetTypes.map((type) => (
              <option key={type} value={type}>
                {t("targetType", { type })}
              </option>
            ))}
          </select>
          <input
            value={state.targetId}
            onChange={(event) => onChange({ targetId: event.target.value })}
            placeholder={t("id")}
            aria-label={t("targetId")}
            className={`${field} w-32 font-mono text-xs`}
          />
        </span>
      </label>
      <label className="flex flex-col gap-0.5 text-xs text-slate-500">
        {t("from")}
        <input
          type="date"
          value={state.from}
          max={state.to || undefined}
          onChange={(event) => onChange({ from: event.target.value })}
          className={field}
        />
      </label>
      <label className="flex flex-col gap-0.5 text-xs text-slate-500">
        {t("to")}
        <input
          type="date"
          value={state.to}
          min={state.from || undefined}
          onChange={(event) => onChange({ to: event.target.value })}
          className={field}
        />
      </label>
      {active && (
        <Button
          tone="ghost"
          onClick={() => {
            setQ("");
            onChange({ actor: "", action: [], targetType: "", targetId: "", from: "", to: "", q: "" });
          }}
        >
          {t("clearFilters")}
        </Button>
      )}
    </form>
  );
}
