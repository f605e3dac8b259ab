import { db } from "@/lib/db/client";
import type { PresenceDto } from "@/lib/conversations/types";
import { presenceUpdated } from "./build-events";
import { rooms } from "./events";
import type { RealtimeServer } from "./publish";

// Presence lives in socket.io itself: who is in a conversation's room is who is viewing it, and
// fetchSockets() asks every instance (through the Redis adapter), so no instance keeps its own list.
// An agent is online while any of their sockets is connected; User.lastSeenAt records it in the
// database, where round-robin assignment looks.

export type SocketUser = { id: string; name: string };

export async function broadcastPresence(io: RealtimeServer, conversationId: string): Promise<void> {
  const sockets = await io.in(rooms.conversation(conversationId)).fetchSockets();
  const viewers = new Map<string, PresenceDto["viewers"][number]>();
  for (const socket of sockets) {
    const user = socket.data.user as SocketUser | undefined;
    if (!user) continue;
    const typing = socket.data.typingIn === conversationId;
    const known = viewers.get(user.id);
    viewers.set(user.id, { id: user.id, name: user.name, typing: typing || (known?.typing ?? false) });
  }
  const update = presenceUpdated({ conversationId, viewers: [...viewers.values()] });
  io.to(update.rooms).emit(update.event, update.payload);
}

export async function markOnline(userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { lastSeenAt: new Date() } }).catch(() => undefined);
}

/** Called when a socket closes: the agent is offline once none of their sockets remain anywhere. */
export async function markOfflineIfGone(io: RealtimeServer, userId: string): Promise<void> {
  const remaining = await io.in(rooms.user(userId)).fetchSockets();
  if (remaining.length === 0) await db.user.update({ where: { id: userId }, data: { lastSeenAt: null } }).catch(() => undefined);
}

/** Agents with a live socket (seen within the heartbeat interval plus slack). */
export const ONLINE_WITHIN_MS = 90_000;
export const HEARTBEAT_MS = 30_000;
