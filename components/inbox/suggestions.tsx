"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { CannedResponse, Teammate } from "@/components/api/types";

// The composer's pop-up: canned replies for "/shortcut" in a reply, colleagues for "@name" in a note.

export type Pick = { kind: "canned"; body: string } | { kind: "mention"; id: string; name: string };

type Item = { key: string; label: string; hint: string; pick: Pick };

export function useSuggestions({
  text,
  mode,
  canned,
  teammates,
}: {
  text: string;
  mode: "reply" | "note";
  canned: CannedResponse[];
  teammates: Teammate[];
}) {
  const t = useTranslations("composer");
  const [index, setIndex] = useState(0);
  const [dismissed, setDismissed] = useState<string | null>(null);
  let items: Item[] = [];
  const slash = mode === "reply" ? /^\/([\w-]*)$/.exec(text) : null;
  const at = mode === "note" ? /@([\p{L}\w]*)$/u.exec(text) : null;
  if (slash) {
    items = canned
      .filter((c) => c.shortcut.startsWith(slash[1].toLowerCase()))
      .map((c) => ({ key: c.id, label: `/${c.shortcut}`, hint: c.title, pick: { kind: "canned", body: c.body } }));
  } else if (at) {
    items = teammates
      .filter((mate) => mate.name.toLowerCase().includes(at[1].toLowerCase()))
      .map((mate) => ({
        key: mate.id,
        label: mate.name,
        hint: mate.online ? t("online") : "",
        pick: { kind: "mention", id: mate.id, name: mate.name },
      }));
  }
  const open = items.length > 0 && dismissed !== text;
  // A different set of items starts at the top again (adjusted while rendering, as React advises,
  // rather than in an effect that would paint the stale highlight first).
  const [shownLength, setShownLength] = useState(items.length);
  if (shownLength !== items.length) {
    setShownLength(items.length);
    setIndex(0);
  }

  return {
    open,
    items,
    index,
    handleKey(event: React.KeyboardEvent, onPick: (pick: Pick) => void): boolean {
      if (event.key === "ArrowDown") setIndex((i) => (i + 1) % items.length);
      else if (event.key === "ArrowUp") setIndex((i) => (i - 1 + items.length) % items.length);
      else if (event.key === "Escape") setDismissed(text);
      else if (event.key === "Enter" || event.key === "Tab") onPick(items[index].pick);
      else return false;
      event.preventDefault();
      return true;
    },
  };
}

export function Suggestions({ state, onPick }: { state: ReturnType<typeof useSuggestions>; onPick: (pick: Pick) => void }) {
  if (!state.open) return null;
  return (
    <ul
      className="absolute bottom-full left-0 z-20 mb-1 max-h-56 w-80 overflow-y-auto rounded-lg border border-slate-200 bg-white py-1 text-sm shadow-lg"
      role="listbox"
      data-testid="suggestions"
    >
      {state.items.map((item, i) => (
        <li key={item.key} role="option" aria-selected={i === state.index}>
          <button
            onMouseDown={(event) => {
              event.preventDefault();
              onPick(item.pick);
            }}
            className={`flex w-full items-baseline justify-between gap-2 px-3 py-1.5 text-left ${i === state.index ? "bg-slate-100" : ""}`}
          >
            <span className="font-medium">{item.label}</span>
            <span className="truncate text-xs text-slate-500">{item.hint}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
