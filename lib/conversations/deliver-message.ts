import { db } from "@/lib/db/client";
import { queues } from "@/lib/jobs/queue";
import { messageUpdated } from "@/lib/realtime/build-events";
import { publish, type Publication } from "@/lib/realtime/publish";
import { applyStoredReceipts } from "./apply-stored-receipts";
import type { SendFailure } from "./channel-input";
import { transportFor } from "./channel-transport";
import { refreshConversationBilling } from "./conversation-billing";
import { lockExternalId } from "./lock-external-id";
import { openFreeEntryPoint } from "./open-free-entry-point";
import { afterFailure, mayClaim } from "./send-state";
import { messageInclude } from "./serializers";
import { nextStatus } from "./status";
import { updateMessageStatus } from "./update-message-status";

/**
 * The send job: hands one QUEUED message to its channel at most once per queueing. The message is
 * claimed (QUEUED → SENDING, committed) before the channel is called, so a job that runs again —
 * a retry, a crash, a second instance — finds it SENDING and does nothing. The channel's answer
 * settles it (send-state.ts): its external id, a refusal (FAILED, or back to QUEUED and a throw so
 * the queue retries with backoff), or, when the outcome is unknown, nothing: a receipt or the
 * sweeper's grace settles it then.
 */
export async function deliverMessage({ messageId, attempt, lastAttempt }: { messageId: string; attempt: number; lastAttempt: boolean }) {
  const found = await db.message.findUnique({ where: { id: messageId }, select: { status: true, externalId: true } });
  if (!found || !mayClaim(found.status) || found.externalId) return;
  const claimed = await db.message.updateMany({
    where: { id: messageId, status: "QUEUED", externalId: null },
    data: { status: "SENDING", pendingSince: new Date() },
  });
  if (!claimed.count) return;
  const message = await db.message.findUniqueOrThrow({
    where: { id: messageId },
    include: { channel: true, conversation: { include: { contact: true } } },
  });

  const transport = transportFor(message.channel);
  let externalId: string;
  try {
    externalId = await transport.sendMessage({ message, recipient: message.conversation.contact });
  } catch (error) {
    const failure = transport.sendFailure(error);
    const next = afterFailure(failure, { lastAttempt });
    if (next.next === "QUEUED") {
      await db.message.updateMany({ where: { id: messageId, status: "SENDING" }, data: { status: "QUEUED", pendingSince: new Date() } });
      throw error;
    }
    if (next.next === "SENDING") {
      console.warn(`[send] no answer for message ${messageId}; waiting for the channel's receipts: ${next.reason}`);
      await db.message.updateMany({ where: { id: messageId, status: "SENDING", externalId: null }, data: { errorTitle: next.reason } });
      return;
    }
    if (failure.outcome === "refused") await markFailed({ messageId, failure, deadLetter: next.deadLetter ? { attempts: attempt } : null });
    return;
  }

  const acceptedAt = new Date();
  const publications = await db.$transaction(async (tx) => {
    await lockExternalId({ tx, channelId: message.channelId, externalId });
    await tx.$queryRaw`SELECT id FROM "Message" WHERE id = ${messageId} FOR UPDATE`;
    const current = await tx.message.findUniqueOrThrow({ where: { id: messageId } });
    // A receipt naming our id got here first and recorded this very id; another id would mean an
    // earlier attempt reached the customer too, whose receipts keep the message.
    if (current.externalId && current.externalId !== externalId) {
      console.warn(`[send] message ${messageId} was sent again as ${externalId}, but already reached the channel as ${current.externalId}`);
      return [] as Publication[];
    }
    const updated = await tx.message.update({
      where: { id: messageId },
      data: {
        externalId,
        status: nextStatus(current.status, "SENT"),
        pendingSince: null,
        ...(current.status === "FAILED" ? {} : { errorCode: null, errorTitle: null, errorDetails: null }),
      },
    });
    // On a channel without a "sent" receipt (Messenger), the answer itself is one: it dates the send.
    const accepted = transport.acceptedReceipt({ externalId, at: acceptedAt });
    const sent = accepted ? await updateMessageStatus({ tx, message: updated, receipt: accepted }) : null;
    const latest = sent ? await tx.message.findUniqueOrThrow({ where: { id: messageId } }) : updated;
    // The channel's receipts can overtake its answer; any already here apply now.
    const applied = await applyStoredReceipts({ tx, message: latest, readReceipt: transport.readStoredReceipt });
    if (applied.length) return applied;
    return [messageUpdated(await tx.message.findUniqueOrThrow({ where: { id: messageId }, include: messageInclude }))];
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
  publish(...conversationUpdates, ...publications);
}

async function markFailed({
  messageId,
  failure,
  deadLetter,
}: {
  messageId: string;
  failure: Extract<SendFailure, { outcome: "refused" }>;
  deadLetter: { attempts: number } | null;
}) {
  const failed = await db.$transaction(async (tx) => {
    const changed = await tx.message.updateMany({
      where: { id: messageId, status: "SENDING" },
      data: {
        status: "FAILED",
        pendingSince: null,
        failedAt: new Date(),
        errorCode: failure.code,
        errorTitle: failure.title,
        errorDetails: failure.details,
      },
    });
    if (!changed.count) return null;
    if (deadLetter) {
      const error = `${failure.title}${failure.code !== null ? ` (code ${failure.code})` : ""}`;
      await tx.deadLetter.create({ data: { queue: queues.sendMessage, messageId, error, attempts: deadLetter.attempts } });
    }
    return tx.message.findUniqueOrThrow({ where: { id: messageId }, include: messageInclude });
  });
  if (failed) publish(messageUpdated(failed));
}
