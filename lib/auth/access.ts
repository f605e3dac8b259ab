import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import { rooms } from "@/lib/realtime/events";
import { getRealtimeServer } from "@/lib/realtime/publish";
import { isRole, type Role } from "./permissions";

// What a session may do is read from the database on every request, never trusted from the cookie:
// the cookie names the user and the session version it was issued at; the user row says whether
// they are active, their role, and the current version. Rows are cached per process for a moment
// (ACCESS_CACHE_MS) so a page's burst of requests costs one lookup; a change made here clears the
// cache at once and ends the user's sockets, and other instances see it within ACCESS_CACHE_MS.

export const ACCESS_CACHE_MS = 2_000;

export type AccessUser = {
  id: string;
  role: Role;
  name: string;
  email: string;
  sessionVersion: number;
  // The user's language and time zone (null: follow the browser), for rendering their pages.
  locale: string | null;
  timeZone: string | null;
};

type Cached = { user: AccessUser | null; at: number };
const holder = globalThis as unknown as { switchboardAccessCache?: Map<string, Cached> };
const cache = (holder.switchboardAccessCache ??= new Map());

/** The user a session token names, if they are active and the token's version is current. */
export async function userForSession({ userId, sessionVersion }: { userId: string; sessionVersion: unknown }): Promise<AccessUser | null> {
  const user = await activeUser(userId);
  if (!user || typeof sessionVersion !== "number" || user.sessionVersion !== sessionVersion) return null;
  return user;
}

async function activeUser(userId: string): Promise<AccessUser | null> {
  const cached = cache.get(userId);
  if (cached && Date.now() - cached.at < ACCESS_CACHE_MS) return cached.user;
  const row = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, name: true, email: true, active: true, sessionVersion: true, locale: true, timeZone: true },
  });
  const user =
    row?.active && isRole(row.role)
      ? {
          id: row.id,
          role: row.role,
          name: row.name,
          email: row.email,
          sessionVersion: row.sessionVersion,
          locale: row.locale,
          timeZone: row.timeZone,
        }
      : null;
  if (cache.size > 10_000) cache.clear();
  cache.set(userId, { user, at: Date.now() });
  return user;
}

/**
 * Call after committing anything that changes what a user may reach: role, active flag, session
 * version, inbox or team memberships. Their open sockets are closed (on every instance, through the
 * Redis adapter when there is one); the browser reconnects and is scoped afresh, or is refused.
 */
export function accessChanged({ userId }: { userId: string }): void {
  cache.delete(userId);
  getRealtimeServer()?.in(rooms.user(userId)).disconnectSockets(true);
}

/** Call after a user changes their own preferences, so their next page uses them at once. */
export function preferencesChanged({ userId }: { userId: string }): void {
  cache.delete(userId);
}

/** Ends every session the user has (password change, deactivation, "sign out everywhere"). */
export async function revokeSessions({ userId, tx }: { userId: string; tx?: Prisma.TransactionClient }): Promise<void> {
  await (tx ?? db).user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
