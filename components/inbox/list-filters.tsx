"use client";

import type { ListFilter } from "@/lib/conversations/list-filter";
import type { LabelDto } from "@/lib/conversations/types";

const views: { value: ListFilter["assignee"]; label: string }[] = [
  { value: "me", label: "Mine" },
  { value: "unassigned", label: "Unassigned" },
  { value: "all", label: "All" },
];

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
  const set = (changes: Partial<ListFilter>) => onChange({ ...filter, ...changes });
  return (
    <div className="space-y-2 border-b border-slate-100 px-3 py-2">
      <input
        ref={searchRef}
        type="search"
        data-testid="search"
        defaultValue={filter.q ?? ""}
        placeholder="Search names, numbers, messages  ( / )"
        onKeyDown={(event) => {
          if (event.key === "Enter") set({ q: event.currentTarget.value.trim() || undefined });
          if (event.key === "Escape") event.currentTarget.blur();
        }}
        onChange={(event) => {
          if (event.currentTarget.value === "" && filter.q) set({ q: undefined });
        }}
        className="w-full rounded-md border border-slate-200 bg-slate-50 px-2.5 py-1.5 text-sm focus:border-brand-500 focus:bg-white"
      />
      <div className="flex gap-1" role="tablist" aria-label="Whose conversations">
        {views.map((view) => (
          <button
            key={view.value}
            role="tab"
            aria-selected={filter.assignee === view.value}
            onClick={() => set({ assignee: view.value })}
            className={`rounded-md px-2 py-1 text-xs font-medium ${filter.assignee === view.value ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100"}`}
          >
            {view.label}
          </button>
        ))}
      </div>
      <div className="flex flex-wrap gap-1">
        <select
          aria-label="Status"
          data-testid="filter-status"
          className={select}
          value={filter.status}
          onChange={(e) => set({ status: e.target.value as ListFilter["status"] })}
        >
          <option value="OPEN">Open</option>
          <option value="PENDING">Pending</option>
          <option value="SNOOZED">Snoozed</option>
          <option value="RESOLVED">Resolved</option>
          <option value="ALL">Any status</option>
        </select>
        <select
          aria-label="Window"
          data-testid="filter-window"
          className={select}
          value={filter.window ?? ""}
          onChange={(e) => set({ window: (e.target.value || undefined) as ListFilter["window"] })}
        >
          <option value="">Any window</option>
          <option value="open">Window open</option>
          <option value="closing">Closing within 1 h</option>
          <option value="closing4h">Closing within 4 h</option>
          <option value="closed">Window closed</option>
        </select>
        <select
          aria-label="Channel"
          data-testid="filter-channel"
          className={select}
          value={filter.channel ?? ""}
          onChange={(e) => set({ channel: (e.target.value || undefined) as ListFilter["channel"] })}
        >
          <option value="">Any channel</option>
          <option value="whatsapp">WhatsApp</option>
          <option value="messenger">Messenger</option>
        </select>
        <select
          aria-label="Label"
          className={select}
          value={filter.label ?? ""}
          onChange={(e) => set({ label: e.target.value || undefined })}
        >
          <option value="">Any label</option>
          {labels.map((label) => (
            <option key={label.id} value={label.id}>
              {label.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Sort"
          data-testid="filter-sort"
          className={select}
          value={filter.sort}
          onChange={(e) => set({ sort: e.target.value as ListFilter["sort"] })}
        >
          <option value="recent">Latest activity</option>
          <option value="waiting">Longest waiting</option>
        </select>
      </div>
    </div>
  );
}
