import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { messageUpdated } from "@/lib/realtime/build-events";
import { publish } from "@/lib/realtime/publish";
import { requeueMessage } from "./requeue-message";
import { checkPolicyAgain, customerName } from "./retry-message";
import { conversationInclude, messageInclude } from "./serializers";
import type { MessageDto } from "./types";

/**
 * An admin's retry of a send job that gave up: the message, if it still waits (FAILED, or QUEUED
 * without a job), goes back to QUEUED with a new job under the first send's rules, and the dead
 * letter closes (audited). A message that has gone on meanwhile (an agent resent it, a receipt came)
 * only closes the letter: `requeued` says which.
 */
export async function retryDeadLetter({
  deadLetterId,
  actor,
}: {
  deadLetterId: string;
  actor: { id: string; name: string };
}): Promise<{ requeued: boolean; message: MessageDto }> {
  const letter = await db.deadLetter.findUnique({
    where: { id: deadLetterId },
    include: { message: { include: { conversation: { include: conversationInclude } } } },
  });
  if (!letter) throw new AppError("NOT_FOUND", phrase("errors.noSuchFailedSend"));
  if (letter.retriedAt) throw new AppError("CONFLICT", phrase("errors.failedSendRetried"));
  const { message } = letter;
  const waiting = message.status === "FAILED" || message.status === "QUEUED";
  const { content } = waiting ? await checkPolicyAgain({ conversation: message.conversation, message }) : {};

  const result = await db.$transaction(async (tx) => {
    const requeued = waiting && (await requeueMessage({ tx, messageId: message.id, from: ["FAILED", "QUEUED"], content }));
    if (!requeued) {
      const closed = await tx.deadLetter.updateMany({ where: { id: deadLetterId, retriedAt: null }, data: { retriedAt: new Date() } });
      if (!closed.count) return null;
    }
    await recordAudit(
      {
        actor: { id: actor.id, label: actor.name },
        action: "message.dead_letter_retried",
        target: { type: "message", id: message.id, label: customerName(message.conversation) },
        before: { status: message.status, error: letter.error, attempts: letter.attempts },
        after: { requeued, conversationId: message.conversationId },
      },
      tx,
    );
    return { requeued, message: await tx.message.findUniqueOrThrow({ where: { id: message.id }, include: messageInclude }) };
  });
  if (!result) throw new AppError("CONFLICT", phrase("errors.failedSendRetried"));
  const update = messageUpdated(result.message);
  if (result.requeued) publish(update);
  return { requeued: result.requeued, message: update.payload };
}
