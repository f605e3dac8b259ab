"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { refetchAfterReconnect, statsRefresher } from "@/components/api/cache";
import { useRealtime } from "@/components/inbox/use-realtime";

/**
 * The dashboard's socket: "stats.changed" refetches the statistics on screen (a burst of receipts
 * costs one round), and a reconnection refetches everything, since events may have been missed.
 * Returns whether the socket is connected.
 */
export function useStatsEvents(): boolean {
  const client = useQueryClient();
  const stats = useMemo(() => statsRefresher(client), [client]);
  const { socket, connected } = useRealtime((_socket, first) => {
    // The first connection catches up on what changed between the first answers and the connection.
    if (first) stats.schedule();
    else void refetchAfterReconnect(client);
  });
  useEffect(() => {
    if (!socket) return;
    const changed = () => stats.schedule();
    socket.on("stats.changed", changed);
    return () => {
      socket.off("stats.changed", changed);
      stats.cancel();
    };
  }, [socket, stats]);
  return connected;
}
