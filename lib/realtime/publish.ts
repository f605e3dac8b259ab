import type { Server } from "socket.io";
import type { ClientToServerEvents, EventName, EventPayload, ServerToClientEvents } from "./events";

// server.ts creates the socket.io server; route handlers, jobs and webhooks publish through it.
// Next bundles route code apart from server.ts, so the instance is found on globalThis.

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents>;

const holder = globalThis as unknown as { switchboardIo?: RealtimeServer };

export function setRealtimeServer(io: RealtimeServer | undefined): void {
  holder.switchboardIo = io;
}

export function getRealtimeServer(): RealtimeServer | undefined {
  return holder.switchboardIo;
}

export type Publication = { [E in EventName]: { event: E; payload: EventPayload<E>; rooms: string[] } }[EventName];

/** Sends events to their rooms. Call only after the transaction that produced them has committed. */
export function publish(...publications: Publication[]): void {
  const io = holder.switchboardIo;
  if (!io) return;
  for (const { event, payload, rooms } of publications) {
    if (rooms.length === 0) continue;
    (io.to(rooms).emit as (event: string, payload: unknown) => boolean)(event, payload);
  }
}
