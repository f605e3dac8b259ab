import type { Prisma } from "@/lib/db/client";
import { messageInclude, serializeMessage } from "@/lib/inbox/serializers";
import { mediaStorage } from "@/lib/media/storage";
import { rooms } from "@/lib/realtime/events";
import type { Publication } from "@/lib/realtime/publish";

type Tx = Prisma.TransactionClient;

// The customer edited or deleted ("revoked") a message they sent earlier. Both change the original
// in place; neither is a new bubble. They return null when the original is not in this customer's
// conversations, so the caller keeps the change as a row of its own.

async function findOriginal({
  tx,
  channelId,
  contactId,
  externalId,
}: {
  tx: Tx;
  channelId: string;
  contactId: string;
  externalId: unknown;
}) {
  if (typeof externalId !== "string" || !externalId) return null;
  return tx.message.findFirst({
    where: { channelId, externalId, direction: "INBOUND", conversation: { contactId } },
    include: { media: { select: { id: true, storageKey: true } } },
  });
}

function updated(row: Prisma.MessageGetPayload<{ include: typeof messageInclude }>): Publication[] {
  return [{ event: "message.updated", payload: serializeMessage(row), rooms: [rooms.conversation(row.conversationId)] }];
}

export async function applyEdit({
  tx,
  channelId,
  contactId,
  originalExternalId,
  text,
  at,
}: {
  tx: Tx;
  channelId: string;
  contactId: string;
  originalExternalId: unknown;
  text: string | null;
  at: Date;
}): Promise<Publication[] | null> {
  const original = await findOriginal({ tx, channelId, contactId, externalId: originalExternalId });
  if (!original) return null;
  const content = (original.content ?? {}) as Record<string, unknown>;
  if (content.revoked) return [];
  const row = await tx.message.update({
    where: { id: original.id },
    data: { text, content: { ...content, edited: { at: at.toISOString() } } as Prisma.InputJsonValue },
    include: messageInclude,
  });
  return updated(row);
}

/**
 * The customer deleted the message for everyone: its text, payload and file are removed, and the
 * thread says "This message was deleted" in its place.
 */
export async function applyRevoke({
  tx,
  channelId,
  contactId,
  originalExternalId,
  at,
}: {
  tx: Tx;
  channelId: string;
  contactId: string;
  originalExternalId: unknown;
  at: Date;
}): Promise<Publication[] | null> {
  const original = await findOriginal({ tx, channelId, contactId, externalId: originalExternalId });
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
  return updated(row);
}
