"use client";

import { useEffect, useEffectEvent, useRef } from "react";
import { api } from "@/components/api/client";
import type { RealtimeSocket } from "./use-realtime";

const TYPING_IDLE_MS = 3_000;
// WhatsApp shows the customer "typing…" for up to 25 s per request; one every 20 s keeps it lit.
const META_TYPING_EVERY_MS = 20_000;

/**
 * Colleagues see "typing…" through the socket; the customer sees WhatsApp's indicator, which the
 * server sends at most every 20 s (and only while the window is open).
 */
export function useTyping({
  conversationId,
  socket,
  windowOpen,
}: {
  conversationId: string;
  socket: RealtimeSocket | null;
  windowOpen: boolean;
}) {
  const typing = useRef<{ timer?: ReturnType<typeof setTimeout>; lastMeta: number }>({ lastMeta: 0 });

  function stop() {
    if (!typing.current.timer) return;
    clearTimeout(typing.current.timer);
    typing.current.timer = undefined;
    socket?.emit("typing.updated", { conversationId, typing: false });
  }

  function start() {
    if (!typing.current.timer) socket?.emit("typing.updated", { conversationId, typing: true });
    clearTimeout(typing.current.timer);
    typing.current.timer = setTimeout(stop, TYPING_IDLE_MS);
    if (windowOpen && Date.now() - typing.current.lastMeta > META_TYPING_EVERY_MS) {
      typing.current.lastMeta = Date.now();
      void api.typing(conversationId).catch(() => undefined);
    }
  }

  // Leaving the conversation mid-sentence stops the indicator for everyone else.
  const stopOnLeave = useEffectEvent(stop);
  useEffect(() => () => stopOnLeave(), []);

  return { start, stop };
}
