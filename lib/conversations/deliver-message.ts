import { db } from "@/lib/db/client";
import { messageUpdated } from "@/lib/realtime/build-events";
import { publish } from "@/lib/realtime/publish";
import { applyStoredReceipts } from "./apply-stored-receipts";
import { transportFor, type SendFailure } from "./channel-transport";
import { refreshConversationBilling } from "./conversation-billing";
import { lockExternalId } from "./lock-external-id";
import { openFreeEntryPoint } from "./open-free-entry-point";
import { messageInclude } from "./serializers";
import { updateMessageStatus } from "./update-message-status";

/**
 * The send job: hands one QUEUED message to the channel. Transient failures throw so the queue
 * retries with backoff; a permanent refusal (or the last attempt) marks the message FAILED. A
 * message that already has an external id or is no longer queued is never sent again.
 */
export async function deliverMessage({ messageId, lastAttempt }: { messageId: string; lastAttempt: boolean }) {
  const message = await db.message.findUnique({
    where: { id: messageId },
    include: { channel: true, conversation: { include: { contact: true } } },
  });
  if (!message || message.status !== "QUEUED" || message.externalId) return;

  const transport = transportFor(message.channel);
  let externalId: string;
  try {
    externalId = await transport.sendMessage({ message, recipient: message.conversation.contact });
  } catch (error) {
    const failure = transport.sendFailure(error);
    if (failure.retryable && !lastAttempt) throw error;
    await markFailed({ messageId, failure });
    return;
  }

  const acceptedAt = new Date();
  const publications = await db.$transaction(async (tx) => {
    await lockExternalId({ tx, channelId: message.channelId, externalId });
    const updated = await tx.message.update({ where: { id: messageId }, data: { externalId } });
    // On a channel without a "sent" receipt, the answer itself is one.
    const accepted = transport.acceptedReceipt({ externalId, at: acceptedAt });
    const sent = accepted ? await updateMessageStatus({ tx, message: updated, receipt: accepted }) : null;
    const current = sent ? await tx.message.findUniqueOrThrow({ where: { id: messageId } }) : updated;
    // The channel's receipts can overtake its answer; any already here apply now.
    const stored = await applyStoredReceipts({ tx, message: current, readReceipt: transport.readStoredReceipt });
    return stored.length ? stored : sent ? [sent] : [];
  });
  // Apart from the external id's transaction, so nothing here can undo a send already accepted.
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
    publish(messageUpdated(fresh));
  }
}

async function markFailed({ messageId, failure }: { messageId: string; failure: SendFailure }) {
  const failed = await db.message.update({
    where: { id: messageId },
    data: { status: "FAILED", failedAt: new Date(), errorCode: failure.code, errorTitle: failure.title, errorDetails: failure.details },
    include: messageInclude,
  });
  publish(messageUpdated(failed));
}
