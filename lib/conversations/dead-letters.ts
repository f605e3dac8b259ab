import "server-only";
import { db } from "@/lib/db/client";
import { englishErrorText } from "@/lib/i18n/error-text";
import { queues } from "@/lib/jobs/queue";
import { previewText } from "@/lib/whatsapp/inbound-content";

// Send jobs that gave up (docs/architecture.md, "Sending"): written when the last retry fails, listed
// for admins under Settings → Failed sends until the message is sent again (retry-dead-letter.ts, or
// an agent's retry in the thread).

/** Records a send job that failed on its last attempt with an error nobody handled. */
export async function recordDeadLetter({ messageId, error, attempts }: { messageId: string; error: unknown; attempts: number }) {
  const text = englishErrorText(error);
  await db.deadLetter
    .create({ data: { queue: queues.sendMessage, messageId, error: text.slice(0, 2_000), attempts } })
    .catch((failure) => console.error("[send] could not record the dead letter of message", messageId, failure));
}

export type DeadLetterDto = Awaited<ReturnType<typeof listDeadLetters>>["items"][number];

/** The open dead letters, newest first, with what an admin needs to judge them. */
export async function listDeadLetters({ limit = 200 }: { limit?: number } = {}) {
  const rows = await db.deadLetter.findMany({
    where: { retriedAt: null },
    orderBy: { createdAt: "desc" },
    take: limit,
    include: {
      message: {
        select: {
          id: true,
          type: true,
          text: true,
          status: true,
          errorCode: true,
          errorTitle: true,
          conversationId: true,
          conversation: { select: { inbox: { select: { name: true } }, contact: { select: { name: true, waId: true } } } },
        },
      },
    },
  });
  return {
    items: rows.map((row) => ({
      id: row.id,
      failedAt: row.createdAt.toISOString(),
      attempts: row.attempts,
      error: row.error,
      message: {
        id: row.message.id,
        preview: previewText({ type: row.message.type, text: row.message.text }),
        status: row.message.status,
        errorCode: row.message.errorCode,
        errorTitle: row.message.errorTitle,
      },
      conversationId: row.message.conversationId,
      inboxName: row.message.conversation.inbox.name,
      customer:
        row.message.conversation.contact.name ||
        (row.message.conversation.contact.waId ? `+${row.message.conversation.contact.waId}` : "—"),
    })),
  };
}
