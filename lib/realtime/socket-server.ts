import type { Server as HttpServer } from "node:http";
import { Server, type Socket } from "socket.io";
import { userFromHandshake } from "@/lib/auth/socket-session";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { isSameOrigin } from "@/lib/http/same-origin";
import { memberOf } from "@/lib/conversations/find-conversation";
import { rooms } from "./events";
import { broadcastPresence, HEARTBEAT_MS, markOfflineIfGone, markOnline, type SocketUser } from "./presence";
import { setRealtimeServer, type RealtimeServer } from "./publish";

// socket.io on the app's own port. The handshake reads the next-auth session cookie; a socket
// joins its user room and the inbox rooms of its channels, and a conversation room only after a
// membership check. The socket only pushes: every write goes through HTTP.

export function attachSocketServer(httpServer: HttpServer): RealtimeServer {
  const io: RealtimeServer = new Server(httpServer, {
    path: "/socket.io",
    serveClient: false,
    // A page on another site must not open a socket with the user's cookie.
    allowRequest: (request, callback) => callback(null, isSameOrigin(request.headers)),
  });

  io.use(async (socket, next) => {
    try {
      const user = await userFromHandshake(socket.request);
      if (!user || !can(user.role, "inbox.view")) return next(new Error("UNAUTHORIZED"));
      // Looked up before the connection opens, so the socket is in its rooms from its first moment.
      const memberships = await membershipKey(user.id);
      socket.data.user = user;
      socket.data.dashboards = can(user.role, "dashboard.view");
      socket.data.memberships = memberships;
      socket.data.inboxIds = memberships ? memberships.split(",") : [];
      next();
    } catch (error) {
      next(error as Error);
    }
  });

  io.on("connection", (socket) => {
    const user = socket.data.user as SocketUser;
    socket.join(rooms.user(user.id));
    for (const inboxId of socket.data.inboxIds as string[]) socket.join(rooms.inbox(inboxId));
    // Managers and admins hear when the statistics change (a role change closes the socket).
    if (socket.data.dashboards) socket.join(rooms.stats());
    void markOnline(user.id);
    const heartbeat = setInterval(() => void markOnline(user.id), HEARTBEAT_MS);
    // accessChanged() closes a user's sockets at once; this catches a change made where it could
    // not reach (another instance without Redis): a revoked session does not outlive ACCESS_RECHECK_MS.
    const recheck = setInterval(() => void recheckAccess(socket), ACCESS_RECHECK_MS);

    socket.on("conversation.join", async (conversationId, ack) => {
      const reply = typeof ack === "function" ? ack : () => {};
      if (typeof conversationId !== "string") return reply({ ok: false });
      const allowed = await db.conversation.count({
        where: { id: conversationId, ...memberOf(user.id) },
      });
      if (allowed) {
        socket.join(rooms.conversation(conversationId));
        void broadcastPresence(io, conversationId);
      }
      reply({ ok: allowed > 0 });
    });

    socket.on("conversation.leave", (conversationId) => {
      if (typeof conversationId !== "string") return;
      if (socket.data.typingIn === conversationId) socket.data.typingIn = null;
      socket.leave(rooms.conversation(conversationId));
      void broadcastPresence(io, conversationId);
    });

    socket.on("typing.updated", (state) => {
      const conversationId = state?.conversationId;
      if (typeof conversationId !== "string" || !socket.rooms.has(rooms.conversation(conversationId))) return;
      const typingIn = state.typing ? conversationId : null;
      if (socket.data.typingIn === typingIn) return;
      socket.data.typingIn = typingIn;
      void broadcastPresence(io, conversationId);
    });

    socket.on("disconnecting", () => {
      clearInterval(heartbeat);
      clearInterval(recheck);
      const viewing = [...socket.rooms]
        .filter((room) => room.startsWith("conversation:"))
        .map((room) => room.slice("conversation:".length));
      // After the socket has left its rooms, tell the others it is gone.
      setImmediate(() => {
        for (const conversationId of viewing) void broadcastPresence(io, conversationId);
        void markOfflineIfGone(io, user.id);
      });
    });
  });

  setRealtimeServer(io);
  return io;
}

const ACCESS_RECHECK_MS = 5_000;

// The socket was scoped at its handshake; if the session has ended, the role changed or an inbox
// membership was added or removed since, it closes and the browser reconnects to be scoped afresh.
async function recheckAccess(socket: Socket) {
  try {
    const user = await userFromHandshake(socket.request);
    const scoped = socket.data.user as SocketUser & { role: string };
    if (!user || user.role !== scoped.role || (await membershipKey(user.id)) !== socket.data.memberships) socket.disconnect(true);
  } catch {
    // The database is briefly unreachable: keep the socket and look again next time.
  }
}

async function membershipKey(userId: string): Promise<string> {
  const rows = await db.inboxMember.findMany({ where: { userId }, select: { inboxId: true }, orderBy: { inboxId: "asc" } });
  return rows.map((row) => row.inboxId).join(",");
}
