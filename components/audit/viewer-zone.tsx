"use client";

import { createContext, useContext } from "react";

// The viewer's time zone and language for the audit log's times and date filter: those of their
// account when set, else the browser's.

type ViewerZone = { timeZone: string | null; locale: string | null };

const Context = createContext<ViewerZone>({ timeZone: null, locale: null });

export function ViewerZoneProvider({ timeZone, locale, children }: ViewerZone & { children: React.ReactNode }) {
  return <Context.Provider value={{ timeZone, locale }}>{children}</Context.Provider>;
}

export function useViewerZone(): { timeZone: string; locale: string | undefined } {
  const { timeZone, locale } = useContext(Context);
  return { timeZone: timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone, locale: locale ?? undefined };
}
