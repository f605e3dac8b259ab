"use client";

import { useEffect, useEffectEvent, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/realtime/events";

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * One socket.io connection for the page. `onConnect` runs on every (re)connection (`first` tells
 * them apart), so the screen refetches what it shows and never stays stale after a dropped connection.
 */
export function useRealtime(onConnect: (socket: RealtimeSocket, first: boolean) => void) {
  // Made once, unconnected, in the browser only (the server render has no socket): the effect
  // below connects it and closes it again when the page goes.
  const [socket] = useState<RealtimeSocket | null>(() =>
    typeof window === "undefined" ? null : io({ path: "/socket.io", transports: ["websocket", "polling"], autoConnect: false }),
  );
  const [connected, setConnected] = useState(false);
  const connectedEvent = useEffectEvent((first: boolean) => socket && onConnect(socket, first));

  useEffect(() => {
    if (!socket) return;
    let first = true;
    const onConnected = () => {
      setConnected(true);
      connectedEvent(first);
      first = false;
    };
    const onDisconnect = (reason: Socket.DisconnectReason) => {
      setConnected(false);
      // The server closed the socket because this user's access changed: connect again to be
      // scoped afresh (a revoked session is then refused, below).
      if (reason === "io server disconnect") socket.connect();
    };
    const onError = (error: Error) => {
      // A full page load to the sign-in page: the session is gone, nothing on this page still works.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- leaving the app for sign-in must drop all client state
      if (error.message === "UNAUTHORIZED") window.location.assign(`/login?callbackUrl=${encodeURIComponent(window.location.pathname)}`);
    };
    socket.on("connect", onConnected);
    socket.on("disconnect", onDisconnect);
    socket.on("connect_error", onError);
    socket.connect();
    return () => {
      socket.off("connect", onConnected);
      socket.off("disconnect", onDisconnect);
      socket.off("connect_error", onError);
      socket.disconnect();
    };
  }, [socket]);

  return { socket, connected };
}
