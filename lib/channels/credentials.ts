import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { decryptSecret } from "@/lib/secrets/encryption";

// Which credentials speak for a WhatsApp number. A channel added in the app keeps its own access
// token, app secret and verify token, encrypted (lib/secrets); the channel from the configuration
// (WHATSAPP_*) uses the configuration's. Looked up by phone number id, the one key every Graph call
// and webhook names, and kept for a few seconds per process.

export type WhatsAppCredentials = { phoneNumberId: string; accessToken: string; appSecret: string; verifyToken: string };

const CACHE_MS = 5_000;
type Cached = { at: number; value: WhatsAppCredentials };
const cache = ((globalThis as { __switchboardCredentials?: Map<string, Cached> }).__switchboardCredentials ??= new Map());

function fromConfiguration(phoneNumberId: string): WhatsAppCredentials {
  const { accessToken, appSecret, verifyToken } = config().whatsapp;
  return { phoneNumberId, accessToken, appSecret, verifyToken };
}

/** The number's credentials: its own when added in the app, else the configuration's. */
export async function credentialsFor(phoneNumberId: string): Promise<WhatsAppCredentials> {
  const cached = cache.get(phoneNumberId);
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.value;
  const channel = await db.channel.findUnique({
    where: { phoneNumberId },
    select: { source: true, encryptedAccessToken: true, encryptedAppSecret: true, encryptedVerifyToken: true },
  });
  const value =
    channel?.source === "APP" && channel.encryptedAccessToken && channel.encryptedAppSecret && channel.encryptedVerifyToken
      ? {
          phoneNumberId,
          accessToken: decryptSecret(channel.encryptedAccessToken),
          appSecret: decryptSecret(channel.encryptedAppSecret),
          verifyToken: decryptSecret(channel.encryptedVerifyToken),
        }
      : fromConfiguration(phoneNumberId);
  remember(phoneNumberId, value);
  return value;
}

export type WebhookKey = { appSecret: string; channelId: string | null };

/**
 * The app secret and channel of each named number: what a webhook body is checked against before
 * anything in it is trusted (lib/whatsapp/webhook-secret.ts), and the channel it is logged under.
 * Numbers of known channels are kept for a few seconds, so a busy number costs no query per body;
 * the rest are looked up together in one query. A number no channel owns is checked against the
 * configuration's secret.
 */
export async function webhookKeysFor(phoneNumberIds: string[]): Promise<WebhookKey[]> {
  const now = Date.now();
  const fresh = (id: string) => {
    const cached = keyCache.get(id);
    return cached && now - cached.at < CACHE_MS ? cached.value : null;
  };
  const missing = phoneNumberIds.filter((id) => !fresh(id));
  if (missing.length) {
    const channels = await db.channel.findMany({
      where: { phoneNumberId: { in: missing } },
      select: { id: true, phoneNumberId: true, source: true, encryptedAppSecret: true },
    });
    if (keyCache.size + channels.length > MAX_CACHED) keyCache.clear();
    for (const channel of channels) {
      const appSecret =
        channel.source === "APP" && channel.encryptedAppSecret ? decryptSecret(channel.encryptedAppSecret) : config().whatsapp.appSecret;
      keyCache.set(channel.phoneNumberId!, { at: now, value: { appSecret, channelId: channel.id } });
    }
  }
  return phoneNumberIds.map((id) => fresh(id) ?? { appSecret: config().whatsapp.appSecret, channelId: null });
}

const keyCache = ((globalThis as { __switchboardWebhookKeys?: Map<string, { at: number; value: WebhookKey }> }).__switchboardWebhookKeys ??=
  new Map());

// Bounded: the numbers looked up are few, but a caller could name many that do not exist.
const MAX_CACHED = 1_000;
function remember(phoneNumberId: string, value: WhatsAppCredentials) {
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(phoneNumberId, { at: Date.now(), value });
}

/** Every verify token a webhook subscription may present: the configuration's and each app channel's. */
export async function allVerifyTokens(): Promise<string[]> {
  const channels = await db.channel.findMany({
    where: { kind: "WHATSAPP", source: "APP", encryptedVerifyToken: { not: null } },
    select: { encryptedVerifyToken: true },
  });
  return [config().whatsapp.verifyToken, ...channels.map((channel) => decryptSecret(channel.encryptedVerifyToken!))];
}

/** After a channel's credentials change: this process forgets them at once (others within CACHE_MS). */
export function forgetCredentials(phoneNumberId?: string): void {
  if (phoneNumberId) {
    cache.delete(phoneNumberId);
    keyCache.delete(phoneNumberId);
  } else {
    cache.clear();
    keyCache.clear();
  }
}
