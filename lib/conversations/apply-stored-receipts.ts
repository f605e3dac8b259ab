import type { Message, Prisma } from "@/lib/db/client";
import type { Publication } from "@/lib/realtime/publish";
import type { ReceiptInput } from "./channel-input";
import { updateMessageStatus } from "./update-message-status";

/**
 * Applies every stored receipt for a message that has just been given its external id: the
 * channel's receipts can overtake its answer to the send. `readReceipt` is the channel's own
 * reading of a receipt it stored as it sent it.
 */
export async function applyStoredReceipts({
  tx,
  message,
  readReceipt,
}: {
  tx: Prisma.TransactionClient;
  message: Message;
  readReceipt: (raw: unknown) => ReceiptInput;
}): Promise<Publication[]> {
  if (!message.externalId) return [];
  const events = await tx.messageStatusEvent.findMany({
    where: { channelId: message.channelId, externalId: message.externalId },
    orderBy: { timestamp: "asc" },
  });
  let current = message;
  let publication: Publication | null = null;
  for (const event of events) {
    const changed = await updateMessageStatus({ tx, message: current, receipt: readReceipt(event.payload) });
    if (changed) {
      publication = changed;
      current = await tx.message.findUniqueOrThrow({ where: { id: message.id } });
    }
  }
  return publication ? [publication] : [];
}
