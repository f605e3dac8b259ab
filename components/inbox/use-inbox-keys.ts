"use client";

import { useEffect, useRef } from "react";

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

/** The inbox's single-key shortcuts; ignored while typing in a field. */
export function useInboxKeys(handlers: Handlers) {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") return ref.current.escape();
      const target = event.target as HTMLElement | null;
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      if (target?.closest("dialog")) return;
      const action = ({ j: "next", k: "previous", r: "reply", n: "note", e: "resolve", a: "assign", "/": "search", "?": "help" } as const)[
        event.key
      ];
      if (!action) return;
      event.preventDefault();
      ref.current[action]();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
