import "server-only";
import type { Prisma } from "@/lib/db/client";
import { conversationUpdated } from "@/lib/realtime/build-events";
import type { Publication } from "@/lib/realtime/publish";
import { conversationInclude } from "./serializers";

/**
 * Sets the conversation's billing (category, type, billable) from its latest priced message, by
 * the messages' own order, whatever order Meta's receipts arrive in. The conversation row is
 * locked first so two receipts recorded at once can't leave the older message's pricing behind.
 * Returns the update to publish, or null when nothing changed.
 */
export async function refreshConversationBilling({
  tx,
  conversationId,
}: {
  tx: Prisma.TransactionClient;
  conversationId: string;
}): Promise<Publication | null> {
  await tx.$queryRaw`SELECT id FROM "Conversation" WHERE id = ${conversationId} FOR UPDATE`;
  const [conversation, latest] = await Promise.all([
    tx.conversation.findUnique({ where: { id: conversationId }, select: { billingCategory: true, billingType: true, billable: true } }),
    tx.message.findFirst({
      where: { conversationId, direction: "OUTBOUND", pricingType: { not: null } },
      orderBy: [{ timestamp: "desc" }, { id: "desc" }],
      select: { pricingCategory: true, pricingType: true, billable: true },
    }),
  ]);
  if (!conversation || !latest) return null;
  const billing = { billingCategory: latest.pricingCategory, billingType: latest.pricingType, billable: latest.billable };
  if (Object.entries(billing).every(([key, value]) => conversation[key as keyof typeof conversation] === value)) return null;
  const updated = await tx.conversation.update({ where: { id: conversationId }, data: billing, include: conversationInclude });
  return conversationUpdated(updated);
}
