"use client";

import { useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/realtime/events";

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * One socket.io connection for the page. `onConnect` runs on every (re)connection, so the screen
 * refetches what it shows and never stays stale after a dropped connection.
 */
export function useRealtime(onConnect: (socket: RealtimeSocket) => void) {
  const [socket, setSocket] = useState<RealtimeSocket | null>(null);
  const [connected, setConnected] = useState(false);
  const onConnectRef = useRef(onConnect);
  onConnectRef.current = onConnect;

  useEffect(() => {
    const next: RealtimeSocket = io({ path: "/socket.io", transports: ["websocket", "polling"] });
    next.on("connect", () => {
      setConnected(true);
      onConnectRef.current(next);
    });
    next.on("disconnect", (reason) => {
      setConnected(false);
      // The server closed the socket because this user's access changed: connect again to be
      // scoped afresh (a revoked session is then refused, below).
      if (reason === "io server disconnect") next.connect();
    });
    next.on("connect_error", (error) => {
      if (error.message === "UNAUTHORIZED") window.location.assign(`/login?callbackUrl=${encodeURIComponent(window.location.pathname)}`);
    });
    setSocket(next);
    return () => {
      next.disconnect();
    };
  }, []);

  return { socket, connected };
}
