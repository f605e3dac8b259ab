import { randomUUID } from "node:crypto";
import type { Message, Prisma } from "@/lib/db/client";
import { refreshConversationBilling } from "@/lib/inbox/conversation-billing";
import { messageInclude, serializeMessage } from "@/lib/inbox/serializers";
import { nextStatus, parseReceiptStatus, timestampField } from "@/lib/inbox/status";
import { rooms } from "@/lib/realtime/events";
import type { Publication } from "@/lib/realtime/publish";
import { optOutAfterMarketingRefusal } from "./record-account-change";
import { metaTime, statusReceipt, type StatusReceipt } from "./webhook-schema";

type Tx = Prisma.TransactionClient;

/**
 * Records one status receipt, deduplicated on (wamid, status), and applies it to its message if the
 * inbox knows that wamid yet. A receipt that arrives first waits and is applied by
 * applyStoredReceipts() once the send is recorded.
 */
export async function recordStatus({
  tx,
  channelId,
  receipt,
}: {
  tx: Tx;
  channelId: string;
  receipt: StatusReceipt;
}): Promise<Publication[]> {
  await lockExternalId({ tx, channelId, externalId: receipt.id });
  const inserted = await tx.messageStatusEvent.createMany({
    data: [
      {
        id: randomUUID(),
        channelId,
        externalId: receipt.id,
        status: receipt.status,
        timestamp: metaTime(receipt.timestamp),
        recipientId: receipt.recipient_id ?? receipt.recipient_user_id ?? null,
        payload: receipt as Prisma.InputJsonValue,
      },
    ],
    skipDuplicates: true,
  });
  if (inserted.count === 0) return [];

  const [locked] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Message" WHERE "channelId" = ${channelId} AND "externalId" = ${receipt.id} FOR UPDATE`;
  if (!locked) return [];
  const message = await tx.message.findUniqueOrThrow({ where: { id: locked.id } });
  const changed = await applyReceipt({ tx, message, receipt });
  if (receipt.errors?.some((error) => error.code === 131050)) {
    await optOutAfterMarketingRefusal({ tx, conversationId: message.conversationId, at: metaTime(receipt.timestamp) });
  }
  // Priced receipts move the conversation's billing to its latest priced message.
  const billing = receipt.pricing ? await refreshConversationBilling({ tx, conversationId: message.conversationId }) : null;
  return [changed, billing].filter((publication) => publication !== null);
}

/**
 * Serialises the two transactions that meet on a wamid: a receipt being recorded and the send job
 * storing the wamid Meta answered with. Without it each can miss the other's uncommitted row (the
 * receipt finds no message, the job finds no receipt) and the tick is lost for good. Both call
 * this first; the lock is released when the transaction ends.
 */
export async function lockExternalId({ tx, channelId, externalId }: { tx: Tx; channelId: string; externalId: string }): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${channelId}), hashtext(${externalId}))`;
}

/** Applies every stored receipt for a message that has just been given its wamid. */
export async function applyStoredReceipts({ tx, message }: { tx: Tx; message: Message }): Promise<Publication[]> {
  if (!message.externalId) return [];
  const events = await tx.messageStatusEvent.findMany({
    where: { channelId: message.channelId, externalId: message.externalId },
    orderBy: { timestamp: "asc" },
  });
  let current = message;
  let publication: Publication | null = null;
  for (const event of events) {
    const receipt = statusReceipt.parse(event.payload);
    const changed = await applyReceipt({ tx, message: current, receipt });
    if (changed) {
      publication = changed;
      current = await tx.message.findUniqueOrThrow({ where: { id: message.id } });
    }
  }
  return publication ? [publication] : [];
}

async function applyReceipt({ tx, message, receipt }: { tx: Tx; message: Message; receipt: StatusReceipt }): Promise<Publication | null> {
  const incoming = parseReceiptStatus(receipt.status);
  if (!incoming || message.direction !== "OUTBOUND") return null;

  const at = metaTime(receipt.timestamp);
  const data: Prisma.MessageUncheckedUpdateInput = {};
  const status = nextStatus(message.status, incoming);
  if (status !== message.status) data.status = status;
  const field = timestampField[incoming];
  if (!message[field]) data[field] = at;

  if (incoming === "FAILED" && receipt.errors?.[0]) {
    const error = receipt.errors[0];
    data.errorCode = error.code;
    data.errorTitle = error.title ?? error.message ?? null;
    data.errorDetails = error.error_data?.details ?? null;
  }
  if (receipt.pricing) {
    data.pricingModel = receipt.pricing.pricing_model ?? null;
    data.pricingType = receipt.pricing.type ?? null;
    data.pricingCategory = receipt.pricing.category ?? null;
    data.billable = receipt.pricing.billable ?? (receipt.pricing.type ? receipt.pricing.type === "regular" : null);
  }
  if (receipt.conversation) {
    data.metaConversationId = receipt.conversation.id ?? message.metaConversationId;
    data.metaConversationOrigin = receipt.conversation.origin?.type ?? message.metaConversationOrigin;
    if (receipt.conversation.expiration_timestamp) {
      data.metaConversationExpiresAt = metaTime(receipt.conversation.expiration_timestamp);
    }
  }
  if (Object.keys(data).length === 0) return null;

  const updated = await tx.message.update({ where: { id: message.id }, data, include: messageInclude });
  return { event: "message.updated", payload: serializeMessage(updated), rooms: [rooms.conversation(message.conversationId)] };
}
