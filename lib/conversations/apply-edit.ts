import type { Prisma } from "@/lib/db/client";
import { messageUpdated } from "@/lib/realtime/build-events";
import type { Publication } from "@/lib/realtime/publish";
import { findOriginalMessage } from "./find-original-message";
import { messageInclude } from "./serializers";

/**
 * The customer edited a message they sent earlier: the original changes in place, it is not a new
 * bubble. Returns null when the original is not in this customer's conversations, so the caller
 * keeps the edit as a row of its own; a deleted message stays deleted.
 */
export async function applyEdit({
  tx,
  channelId,
  contactId,
  originalExternalId,
  text,
  at,
}: {
  tx: Prisma.TransactionClient;
  channelId: string;
  contactId: string;
  originalExternalId: unknown;
  text: string | null;
  at: Date;
}): Promise<Publication[] | null> {
  const original = await findOriginalMessage({ tx, channelId, contactId, externalId: originalExternalId });
  if (!original) return null;
  const content = (original.content ?? {}) as Record<string, unknown>;
  if (content.revoked) return [];
  const row = await tx.message.update({
    where: { id: original.id },
    data: { text, content: { ...content, edited: { at: at.toISOString() } } as Prisma.InputJsonValue },
    include: messageInclude,
  });
  return [messageUpdated(row)];
}
