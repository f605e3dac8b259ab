import "server-only";
import { db } from "@/lib/db/client";
import { decryptSecret, encryptSecret, isUnderCurrentKey } from "@/lib/secrets/encryption";
import { forgetCredentials } from "./credentials";
import { forgetPageCredentials } from "./page-credentials";

const fields = ["encryptedAccessToken", "encryptedAppSecret", "encryptedVerifyToken"] as const;

/**
 * Re-encrypts every stored credential under the current SECRETS_KEY. Values already under it are
 * left alone, so the command can run again after an interruption; a value no key opens stops the
 * run with the channel it belongs to.
 */
export async function rotateSecrets(): Promise<{ channels: number; rewritten: number }> {
  const channels = await db.channel.findMany({
    where: { OR: fields.map((field) => ({ [field]: { not: null } })) },
    select: {
      id: true,
      phoneNumberId: true,
      pageId: true,
      encryptedAccessToken: true,
      encryptedAppSecret: true,
      encryptedVerifyToken: true,
    },
  });
  let rewritten = 0;
  for (const channel of channels) {
    const data: Partial<Record<(typeof fields)[number], string>> = {};
    for (const field of fields) {
      const value = channel[field];
      if (!value || isUnderCurrentKey(value)) continue;
      try {
        data[field] = encryptSecret(decryptSecret(value));
      } catch (error) {
        throw new Error(`Channel ${channel.id} (${channel.phoneNumberId ?? `Page ${channel.pageId}`}): ${(error as Error).message}`);
      }
    }
    if (Object.keys(data).length === 0) continue;
    await db.channel.update({ where: { id: channel.id }, data });
    rewritten += Object.keys(data).length;
    if (channel.phoneNumberId) forgetCredentials(channel.phoneNumberId);
    if (channel.pageId) forgetPageCredentials(channel.pageId);
  }
  return { channels: channels.length, rewritten };
}
