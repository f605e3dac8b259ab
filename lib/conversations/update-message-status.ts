import type { Message, Prisma } from "@/lib/db/client";
import { messageUpdated } from "@/lib/realtime/build-events";
import type { Publication } from "@/lib/realtime/publish";
import { receiptChanges, type ReceiptApplied } from "./receipt-changes";
import { messageInclude } from "./serializers";

/**
 * Applies one receipt to the outbound message it is about, by the rules of receipt-changes.ts.
 * Returns the event to publish, or null when nothing changed.
 */
export async function updateMessageStatus({
  tx,
  message,
  receipt,
}: {
  tx: Prisma.TransactionClient;
  message: Message;
  receipt: ReceiptApplied;
}): Promise<Publication | null> {
  const data = receiptChanges(message, receipt);
  if (Object.keys(data).length === 0) return null;
  const updated = await tx.message.update({ where: { id: message.id }, data, include: messageInclude });
  return messageUpdated(updated);
}
