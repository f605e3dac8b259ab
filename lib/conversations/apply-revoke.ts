import type { Prisma } from "@/lib/db/client";
import { mediaStorage } from "@/lib/media/storage";
import { messageUpdated } from "@/lib/realtime/build-events";
import type { Publication } from "@/lib/realtime/publish";
import { findOriginalMessage } from "./find-original-message";
import { messageInclude } from "./serializers";

/**
 * The customer deleted a message for everyone: its text, payload and file are removed, and the
 * thread says "This message was deleted" in its place. Returns null when the original is not in
 * this customer's conversations, so the caller keeps the deletion as a row of its own.
 */
export async function applyRevoke({
  tx,
  channelId,
  contactId,
  originalExternalId,
  at,
}: {
  tx: Prisma.TransactionClient;
  channelId: string;
  contactId: string;
  originalExternalId: unknown;
  at: Date;
}): Promise<Publication[] | null> {
  const original = await findOriginalMessage({ tx, channelId, contactId, externalId: originalExternalId });
  if (!original) return null;
  if (original.media) {
    await tx.media.delete({ where: { id: original.media.id } });
    // Removed before the commit: if the transaction fails, the revoke is processed again and the
    // row goes then; a file without a row is never served.
    if (original.media.storageKey) await mediaStorage().remove(original.media.storageKey);
  }
  const content = (original.content ?? {}) as Record<string, unknown>;
  const row = await tx.message.update({
    where: { id: original.id },
    data: { text: null, content: { context: content.context, revoked: { at: at.toISOString() } } as Prisma.InputJsonValue },
    include: messageInclude,
  });
  return [messageUpdated(row)];
}
