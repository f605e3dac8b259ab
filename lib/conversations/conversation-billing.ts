import "server-only";
import type { Prisma } from "@/lib/db/client";
import { conversationUpdated } from "@/lib/realtime/build-events";
import type { Publication } from "@/lib/realtime/publish";
import { conversationInclude } from "./serializers";

/**
 * Sets each conversation's billing (category, type, billable) from its latest priced message, by
 * the messages' own order, whatever order Meta's receipts arrive in. The conversation rows are
 * locked first, and the latest message read after, so two transactions recording receipts at once
 * can't leave the older message's pricing behind. Returns the updates to publish (only for
 * conversations whose billing changed).
 */
export async function refreshConversationsBilling({
  tx,
  conversationIds,
}: {
  tx: Prisma.TransactionClient;
  conversationIds: string[];
}): Promise<Publication[]> {
  if (conversationIds.length === 0) return [];
  const ids = [...new Set(conversationIds)].sort();
  await tx.$queryRaw`SELECT id FROM "Conversation" WHERE id = ANY(${ids}::text[]) ORDER BY id FOR UPDATE`;
  const changed = await tx.$queryRaw<{ id: string }[]>`
    WITH latest AS (
      SELECT DISTINCT ON (m."conversationId") m."conversationId", m."pricingCategory", m."pricingType", m.billable
      FROM "Message" m
      WHERE m."conversationId" = ANY(${ids}::text[]) AND m.direction = 'OUTBOUND' AND m."pricingType" IS NOT NULL
      ORDER BY m."conversationId", m."timestamp" DESC, m.id DESC)
    UPDATE "Conversation" c
    SET "billingCategory" = latest."pricingCategory", "billingType" = latest."pricingType", billable = latest.billable,
        "updatedAt" = now() AT TIME ZONE 'UTC'
    FROM latest
    WHERE c.id = latest."conversationId"
      AND (c."billingCategory", c."billingType", c.billable) IS DISTINCT FROM (latest."pricingCategory", latest."pricingType", latest.billable)
    RETURNING c.id`;
  if (changed.length === 0) return [];
  const updated = await tx.conversation.findMany({ where: { id: { in: changed.map((row) => row.id) } }, include: conversationInclude });
  return updated.map(conversationUpdated);
}

/** One conversation's billing, as refreshConversationsBilling(); null when it did not change. */
export async function refreshConversationBilling({
  tx,
  conversationId,
}: {
  tx: Prisma.TransactionClient;
  conversationId: string;
}): Promise<Publication | null> {
  const [publication] = await refreshConversationsBilling({ tx, conversationIds: [conversationId] });
  return publication ?? null;
}
