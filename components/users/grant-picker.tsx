"use client";

import type { Ref } from "@/lib/users/types";

/** A list of checkboxes for inboxes or teams; says so when there is nothing to choose. */
export function GrantPicker({
  legend,
  options,
  selected,
  onChange,
  empty,
  testId,
}: {
  legend: string;
  options: Ref[];
  selected: string[];
  onChange: (ids: string[]) => void;
  empty: string;
  testId: string;
}) {
  return (
    <fieldset className="text-sm" data-testid={testId}>
      <legend className="mb-1 font-medium text-slate-700">{legend}</legend>
      {options.length === 0 ? (
        <p className="text-xs text-slate-500">{empty}</p>
      ) : (
        <div className="grid max-h-40 grid-cols-2 gap-x-4 gap-y-1 overflow-y-auto rounded-md border border-slate-200 px-3 py-2">
          {options.map((option) => (
            <label key={option.id} className="flex items-center gap-2 py-0.5">
              <input
                type="checkbox"
                className="accent-brand-600"
                checked={selected.includes(option.id)}
                onChange={(event) => onChange(event.target.checked ? [...selected, option.id] : selected.filter((id) => id !== option.id))}
              />
              <span className="truncate">{option.name}</span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
