"use client";

import { useEffect, useEffectEvent } from "react";

type Handlers = {
  next: () => void;
  previous: () => void;
  reply: () => void;
  note: () => void;
  resolve: () => void;
  assign: () => void;
  search: () => void;
  help: () => void;
  escape: () => void;
};

const actions = { j: "next", k: "previous", r: "reply", n: "note", e: "resolve", a: "assign", "/": "search", "?": "help" } as const;

/**
 * The inbox's single-key shortcuts; ignored while typing in a field. Each pane registers the keys
 * it owns (the list moves, the thread resolves), so a key nobody handles is left to the browser.
 */
export function useInboxKeys(handlers: Partial<Handlers>) {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.key === "Escape") return handlers.escape?.();
    const target = event.target as HTMLElement | null;
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
    if (target?.closest("dialog")) return;
    const handler = handlers[actions[event.key as keyof typeof actions]];
    if (!handler) return;
    event.preventDefault();
    handler();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);
}
