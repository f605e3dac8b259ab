import "server-only";
import { db } from "@/lib/db/client";
import { newToken, TOKEN_LIFETIME_MS } from "./tokens";

/**
 * On a start with no users at all, prints a one-time link that creates the first admin. Only the
 * server's operator sees it (in the server's output); each start issues a fresh link and withdraws
 * the older ones, so a link copied into a chat long ago opens nothing.
 */
export async function offerFirstRunSetup({ log = console.log }: { log?: (line: string) => void } = {}): Promise<string | null> {
  if ((await db.user.count()) > 0) return null;
  const issued = newToken("SETUP");
  await db.$transaction([
    db.userToken.updateMany({ where: { kind: "SETUP", usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } }),
    db.userToken.create({ data: { kind: "SETUP", tokenHash: issued.tokenHash, expiresAt: issued.expiresAt } }),
  ]);
  const minutes = TOKEN_LIFETIME_MS.SETUP / 60_000;
  log(`No users yet. Create the first admin within ${minutes} minutes at:\n\n  ${issued.link}\n\n(restart Switchboard for a fresh link)`);
  return issued.link;
}
