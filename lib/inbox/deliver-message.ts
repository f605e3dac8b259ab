import { db } from "@/lib/db/client";
import { rooms } from "@/lib/realtime/events";
import { publish } from "@/lib/realtime/publish";
import { GraphError, sendGraphMessage } from "@/lib/whatsapp/graph-client";
import { graphMessagePayload } from "@/lib/whatsapp/message-payload";
import { applyStoredReceipts, lockExternalId } from "@/lib/whatsapp/record-status";
import { refreshConversationBilling } from "./conversation-billing";
import { openFreeEntryPoint } from "./open-free-entry-point";
import { messageInclude, serializeMessage } from "./serializers";

/**
 * The send job: hands one QUEUED message to the Graph API. Transient failures throw so the queue
 * retries with backoff; a permanent refusal (or the last attempt) marks the message FAILED. A
 * message that already has a wamid or is no longer queued is never sent again.
 */
export async function deliverMessage({ messageId, lastAttempt }: { messageId: string; lastAttempt: boolean }) {
  const message = await db.message.findUnique({
    where: { id: messageId },
    include: { channel: true, conversation: { include: { contact: true } } },
  });
  if (!message || message.status !== "QUEUED" || message.externalId) return;

  const contact = message.conversation.contact;
  let wamid: string;
  try {
    wamid = await sendGraphMessage({
      phoneNumberId: message.channel.phoneNumberId,
      payload: graphMessagePayload({ message, recipient: contact }),
    });
  } catch (error) {
    const retryable = !(error instanceof GraphError) || error.retryable;
    if (retryable && !lastAttempt) throw error;
    await markFailed({ messageId, error });
    return;
  }

  const acceptedAt = new Date();
  const publications = await db.$transaction(async (tx) => {
    await lockExternalId({ tx, channelId: message.channelId, externalId: wamid });
    const updated = await tx.message.update({ where: { id: messageId }, data: { externalId: wamid } });
    // Meta's receipts can overtake the API's answer; any already here apply now.
    return applyStoredReceipts({ tx, message: updated });
  });
  // Apart from the wamid's transaction, so nothing here can undo a send Meta already accepted.
  const conversationUpdates = await db
    .$transaction(async (tx) => {
      const freeEntryPoint = await openFreeEntryPoint({ tx, conversationId: message.conversationId, replyAt: acceptedAt });
      const billing = await refreshConversationBilling({ tx, conversationId: message.conversationId });
      return [billing ?? freeEntryPoint].filter((update) => update !== null);
    })
    .catch((error) => {
      console.error("[send] could not update the conversation's billing window", messageId, error);
      return [];
    });
  publish(...conversationUpdates);
  if (publications.length) {
    publish(...publications);
  } else {
    const fresh = await db.message.findUniqueOrThrow({ where: { id: messageId }, include: messageInclude });
    publish({ event: "message.updated", payload: serializeMessage(fresh), rooms: [rooms.conversation(fresh.conversationId)] });
  }
}

async function markFailed({ messageId, error }: { messageId: string; error: unknown }) {
  const graph = error instanceof GraphError ? error : null;
  const failed = await db.message.update({
    where: { id: messageId },
    data: {
      status: "FAILED",
      failedAt: new Date(),
      errorCode: graph?.code ?? null,
      errorTitle: graph?.message ?? (error as Error).message ?? "Sending failed",
      errorDetails: graph?.details ?? null,
    },
    include: messageInclude,
  });
  publish({ event: "message.updated", payload: serializeMessage(failed), rooms: [rooms.conversation(failed.conversationId)] });
}
