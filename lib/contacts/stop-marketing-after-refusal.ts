import type { Prisma } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";

/**
 * A marketing message was refused because the customer stopped marketing messages: record it as
 * an opt-out too, once, audited with the channel's reason.
 */
export async function stopMarketingAfterRefusal({
  tx,
  conversationId,
  at,
  reason,
  system,
}: {
  tx: Prisma.TransactionClient;
  conversationId: string;
  at: Date;
  reason: string;
  system: string;
}): Promise<void> {
  const conversation = await tx.conversation.findUnique({ where: { id: conversationId }, include: { contact: true } });
  if (!conversation || conversation.contact.marketingOptOut) return;
  await tx.contact.update({ where: { id: conversation.contactId }, data: { marketingOptOut: true, marketingOptOutAt: at } });
  await recordAudit(
    {
      actor: { system },
      action: "contact.marketing_stopped",
      target: { type: "contact", id: conversation.contactId },
      reason,
      before: { marketingOptOut: false },
      after: { marketingOptOut: true },
    },
    tx,
  );
}
