import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { decryptSecret } from "@/lib/secrets/encryption";

// Which credentials speak for a Facebook Page: a Page connected in the app keeps its own page
// access token, app secret and verify token (encrypted, lib/secrets); the Page of the MESSENGER_*
// settings uses those. Looked up by page id, the key every Send API call and Page webhook names,
// and kept a few seconds per process, as credentials.ts keeps a number's.

export type PageCredentials = { pageId: string; accessToken: string; appSecret: string; verifyToken: string };

const CACHE_MS = 5_000;
const MAX_CACHED = 1_000;
type Cached = { at: number; value: PageCredentials | null };
const cache = ((globalThis as { __switchboardPageCredentials?: Map<string, Cached> }).__switchboardPageCredentials ??= new Map());

function fromConfiguration(pageId: string): PageCredentials | null {
  const page = config().messenger;
  if (!page || page.pageId !== pageId) return null;
  return { pageId, accessToken: page.pageAccessToken, appSecret: page.appSecret, verifyToken: page.verifyToken };
}

/** The Page's credentials: its own when connected in the app, the configuration's for its Page; else null. */
export async function pageCredentialsFor(pageId: string): Promise<PageCredentials | null> {
  const cached = cache.get(pageId);
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.value;
  const channel = await db.channel.findUnique({
    where: { pageId },
    select: { source: true, encryptedAccessToken: true, encryptedAppSecret: true, encryptedVerifyToken: true },
  });
  const value =
    channel?.source === "APP" && channel.encryptedAccessToken && channel.encryptedAppSecret && channel.encryptedVerifyToken
      ? {
          pageId,
          accessToken: decryptSecret(channel.encryptedAccessToken),
          appSecret: decryptSecret(channel.encryptedAppSecret),
          verifyToken: decryptSecret(channel.encryptedVerifyToken),
        }
      : fromConfiguration(pageId);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(pageId, { at: Date.now(), value });
  return value;
}

/**
 * The app secret of each named Page, in one query: what a Page webhook is checked against before
 * anything in it is trusted (lib/messenger/webhook-secret.ts). A Page not connected here is checked
 * against the configured Page's app secret; with no configured Page, it has none (null).
 */
export async function pageAppSecretsFor(pageIds: string[]): Promise<(string | null)[]> {
  const own = await db.channel.findMany({
    where: { pageId: { in: pageIds }, source: "APP", encryptedAppSecret: { not: null } },
    select: { pageId: true, encryptedAppSecret: true },
  });
  const secrets = new Map(own.map((channel) => [channel.pageId!, decryptSecret(channel.encryptedAppSecret!)]));
  return pageIds.map((id) => secrets.get(id) ?? config().messenger?.appSecret ?? null);
}

/** Every verify token a Page webhook subscription may present: the configured Page's and each connected Page's. */
export async function allPageVerifyTokens(): Promise<string[]> {
  const channels = await db.channel.findMany({
    where: { kind: "MESSENGER", source: "APP", encryptedVerifyToken: { not: null } },
    select: { encryptedVerifyToken: true },
  });
  const configured = config().messenger?.verifyToken;
  return [...(configured ? [configured] : []), ...channels.map((channel) => decryptSecret(channel.encryptedVerifyToken!))];
}

/** After a Page's credentials change: this process forgets them at once (others within CACHE_MS). */
export function forgetPageCredentials(pageId?: string): void {
  if (pageId) cache.delete(pageId);
  else cache.clear();
}
