"use client";

import { useTranslations } from "next-intl";
import type { ListFilter } from "@/lib/conversations/list-filter";
import type { LabelDto } from "@/lib/conversations/types";

const views = [
  { value: "me", label: "mine" },
  { value: "unassigned", label: "unassigned" },
  { value: "all", label: "all" },
] as const satisfies readonly { value: ListFilter["assignee"]; label: string }[];

const statuses = ["OPEN", "PENDING", "SNOOZED", "RESOLVED", "ALL"] as const satisfies readonly ListFilter["status"][];
const windows = ["", "open", "closing", "closing4h", "closed"] as const satisfies readonly (ListFilter["window"] | "")[];

const select = "rounded-md border border-slate-200 bg-white px-1.5 py-1 text-xs text-slate-700 focus:border-brand-500";

export function ListFilters({
  filter,
  onChange,
  labels,
  searchRef,
}: {
  filter: ListFilter;
  onChange: (filter: ListFilter) => void;
  labels: LabelDto[];
  searchRef: React.RefObject<HTMLInputElement | null>;
}) {
  const t = useTranslations("inbox");
  const set = (changes: Partial<ListFilter>) => onChange({ ...filter, ...changes });
  return (
    <div className="space-y-2 border-b border-slate-100 px-3 py-2">
      <input
        ref={searchRef}
        type="search"
        data-testid="search"
        defaultValue={filter.q ?? ""}
        placeholder={t("list.search")}
        onKeyDown={(event) => {
          if (event.key === "Enter") set({ q: event.currentTarget.value.trim() || undefined });
          if (event.key === "Escape") event.currentTarget.blur();
        }}
        onChange={(event) => {
          if (event.currentTarget.value === "" && filter.q) set({ q: undefined });
        }}
        className="w-full rounded-md border border-slate-200 bg-slate-50 px-2.5 py-1.5 text-sm focus:border-brand-500 focus:bg-white"
      />
      <div className="flex gap-1" role="tablist" aria-label={t("list.whose")}>
        {views.map((view) => (
          <button
            key={view.value}
            role="tab"
            aria-selected={filter.assignee === view.value}
            onClick={() => set({ assignee: view.value })}
            className={`rounded-md px-2 py-1 text-xs font-medium ${filter.assignee === view.value ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100"}`}
          >
            {t(`list.${view.label}`)}
          </button>
        ))}
      </div>
      <div className="flex flex-wrap gap-1">
        <select
          aria-label={t("list.status")}
          data-testid="filter-status"
          className={select}
          value={filter.status}
          onChange={(e) => set({ status: e.target.value as ListFilter["status"] })}
        >
          {statuses.map((status) => (
            <option key={status} value={status}>
              {t("list.statusOption", { status })}
            </option>
          ))}
        </select>
        <select
          aria-label={t("list.window")}
          data-testid="filter-window"
          className={select}
          value={filter.window ?? ""}
          onChange={(e) => set({ window: (e.target.value || undefined) as ListFilter["window"] })}
        >
          {windows.map((kind) => (
            <option key={kind} value={kind}>
              {t("list.windowOption", { window: kind })}
            </option>
          ))}
        </select>
        <select
          aria-label={t("list.channel")}
          data-testid="filter-channel"
          className={select}
          value={filter.channel ?? ""}
          onChange={(e) => set({ channel: (e.target.value || undefined) as ListFilter["channel"] })}
        >
          <option value="">{t("list.anyChannel")}</option>
          <option value="whatsapp">{t("whatsapp")}</option>
          <option value="messenger">{t("messenger")}</option>
        </select>
        <select
          aria-label={t("list.labelFilter")}
          className={select}
          value={filter.label ?? ""}
          onChange={(e) => set({ label: e.target.value || undefined })}
        >
          <option value="">{t("list.anyLabel")}</option>
          {labels.map((label) => (
            <option key={label.id} value={label.id}>
              {label.name}
            </option>
          ))}
        </select>
        <select
          aria-label={t("list.sort")}
          data-testid="filter-sort"
          className={select}
          value={filter.sort}
          onChange={(e) => set({ sort: e.target.value as ListFilter["sort"] })}
        >
          <option value="recent">{t("list.recent")}</option>
          <option value="waiting">{t("list.longestWaiting")}</option>
        </select>
      </div>
    </div>
  );
}
