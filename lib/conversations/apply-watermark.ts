import { Prisma, type Message } from "@/lib/db/client";
import type { Publication } from "@/lib/realtime/publish";
import type { WatermarkInput } from "./channel-input";
import { updateMessageStatus } from "./update-message-status";

/**
 * A watermark receipt (Messenger's message_deliveries and message_reads): every outbound message
 * to the customer that went out at or before the watermark and lacks that receipt becomes delivered
 * or read, with the watermark as its receipt time. Statuses only move forward (status.ts), so
 * watermarks arriving in any order, twice, or behind a later one change nothing they shouldn't: an
 * older delivered watermark still fills a delivery time a read left empty, never the status. A
 * message goes out when Meta accepts it (sentAt); one without is compared by when it was written.
 */
export async function applyWatermark({
  tx,
  channelId,
  watermark,
}: {
  tx: Prisma.TransactionClient;
  channelId: string;
  watermark: WatermarkInput;
}): Promise<Publication[]> {
  const contact = await tx.contact.findUnique({
    where: { channelId_psid: { channelId, psid: watermark.customer.psid } },
    select: { id: true },
  });
  if (!contact) return [];
  const column = Prisma.raw(watermark.status === "read" ? `m."readAt"` : `m."deliveredAt"`);
  // Timestamps are stored in UTC without a zone.
  const at = watermark.watermark.toISOString().slice(0, 23);
  // Locked in id order, as every receipt locks its message, so two watermarks never wait in a cycle.
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT m.id FROM "Message" m JOIN "Conversation" c ON c.id = m."conversationId"
    WHERE c."contactId" = ${contact.id} AND m."channelId" = ${channelId} AND m.direction = 'OUTBOUND' AND NOT m.private
      AND m."externalId" IS NOT NULL AND m.status <> 'FAILED' AND ${column} IS NULL
      AND coalesce(m."sentAt", m."createdAt") <= ${at}::timestamp(3)
    ORDER BY m.id FOR UPDATE OF m`;
  if (rows.length === 0) return [];
  const messages = await tx.message.findMany({ where: { id: { in: rows.map((row) => row.id) } } });
  const publications: Publication[] = [];
  for (const message of messages as Message[]) {
    const changed = await updateMessageStatus({
      tx,
      message,
      receipt: { status: watermark.status, at: watermark.watermark, error: null, pricing: null, billingConversation: null },
    });
    if (changed) publications.push(changed);
  }
  return publications;
}
