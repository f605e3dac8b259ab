import "server-only";
import type { Prisma } from "@/lib/db/client";
import { conversationUpdated } from "@/lib/realtime/build-events";
import type { Publication } from "@/lib/realtime/publish";
import { freeEntryPointOpenedBy } from "./billing";
import { conversationInclude } from "./serializers";

/**
 * Called when Meta accepts a business message: the first reply within 24 h of a click-to-WhatsApp
 * referral opens the 72 h free entry point window (billing.ts). Returns the conversation update to
 * publish once the transaction commits, or null when nothing opened.
 */
export async function openFreeEntryPoint({
  tx,
  conversationId,
  replyAt,
}: {
  tx: Prisma.TransactionClient;
  conversationId: string;
  replyAt: Date;
}): Promise<Publication | null> {
  const conversation = await tx.conversation.findUnique({
    where: { id: conversationId },
    select: { referralAt: true, freeEntryPointExpiresAt: true, inbox: { select: { channel: { select: { kind: true } } } } },
  });
  // WhatsApp's pricing window: Messenger has none (it is free).
  if (!conversation || conversation.inbox.channel.kind !== "WHATSAPP") return null;
  const expiresAt = freeEntryPointOpenedBy({ ...conversation, replyAt });
  if (!expiresAt) return null;
  // Two replies accepted at once: only the first opens the window.
  const opened = await tx.conversation.updateMany({
    where: { id: conversationId, freeEntryPointExpiresAt: conversation.freeEntryPointExpiresAt },
    data: { freeEntryPointExpiresAt: expiresAt },
  });
  if (!opened.count) return null;
  const updated = await tx.conversation.findUniqueOrThrow({ where: { id: conversationId }, include: conversationInclude });
  return conversationUpdated(updated);
}
