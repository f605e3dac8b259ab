import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { userFromHandshake } from "@/lib/auth/socket-session";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { rooms } from "./events";
import { setRealtimeServer, type RealtimeServer } from "./publish";

// socket.io on the app's own port. The handshake reads the next-auth session cookie; a socket
// joins its user room and the inbox rooms of its channels, and a conversation room only after a
// membership check. The socket only pushes: every write goes through HTTP.

export function attachSocketServer(httpServer: HttpServer): RealtimeServer {
  const io: RealtimeServer = new Server(httpServer, { path: "/socket.io", serveClient: false });

  io.use(async (socket, next) => {
    try {
      const user = await userFromHandshake(socket.request);
      if (!user || !can(user.role, "inbox.view")) return next(new Error("UNAUTHORIZED"));
      // Looked up before the connection opens, so the socket is in its rooms from its first moment.
      const memberships = await db.channelMember.findMany({ where: { userId: user.id }, select: { channelId: true } });
      socket.data.user = user;
      socket.data.channelIds = memberships.map((membership) => membership.channelId);
      next();
    } catch (error) {
      next(error as Error);
    }
  });

  io.on("connection", (socket) => {
    const user = socket.data.user as { id: string };
    socket.join(rooms.user(user.id));
    for (const channelId of socket.data.channelIds as string[]) socket.join(rooms.inbox(channelId));
    socket.on("conversation.join", async (conversationId, ack) => {
      const reply = typeof ack === "function" ? ack : () => {};
      if (typeof conversationId !== "string") return reply({ ok: false });
      const allowed = await db.conversation.count({
        where: { id: conversationId, channel: { members: { some: { userId: user.id } } } },
      });
      if (allowed) socket.join(rooms.conversation(conversationId));
      reply({ ok: allowed > 0 });
    });

    socket.on("conversation.leave", (conversationId) => {
      if (typeof conversationId === "string") socket.leave(rooms.conversation(conversationId));
    });
  });

  setRealtimeServer(io);
  return io;
}
