import type { Prisma } from "@/lib/db/client";
import type { Publication } from "@/lib/realtime/publish";
import { applyReceipts } from "./apply-receipts";
import type { ReceiptInput } from "./channel-input";

/**
 * Records one delivery receipt and applies it to its message if the inbox knows that id yet, or if
 * the receipt names the message by our own id and its send never got an answer: a batch of one for
 * applyReceipts(), which holds the rules.
 */
export async function applyReceipt({
  tx,
  channelId,
  receipt,
  system,
}: {
  tx: Prisma.TransactionClient;
  channelId: string;
  receipt: ReceiptInput;
  system: string;
}): Promise<Publication[]> {
  return applyReceipts({ tx, receipts: [{ channelId, receipt }], system });
}
