"use client";

import { createContext, useContext } from "react";
import type { RealtimeSocket } from "./use-realtime";

// What the inbox's panes share: the signed-in agent, the page's one socket, and how to open a
// conversation (a navigation, so the URL always names what is on screen).
export type InboxContextValue = {
  me: { id: string; name: string };
  socket: RealtimeSocket | null;
  connected: boolean;
  openConversation: (conversationId: string) => void;
};

export const InboxContext = createContext<InboxContextValue | null>(null);

export function useInbox(): InboxContextValue {
  const value = useContext(InboxContext);
  if (!value) throw new Error("useInbox outside the inbox layout");
  return value;
}
