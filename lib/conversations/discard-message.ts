import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { messageUpdated } from "@/lib/realtime/build-events";
import { publish } from "@/lib/realtime/publish";
import { findConversationForUser } from "./find-conversation";
import { customerName } from "./retry-message";
import { sendActions } from "./send-state";
import { messageInclude } from "./serializers";
import type { MessageDto } from "./types";

/**
 * The agent gives up on a message WhatsApp never confirmed: it leaves sending as DISCARDED
 * (audited). Should a receipt later show that it did reach the customer, the receipt wins.
 */
export async function discardMessage({
  conversationId,
  messageId,
  actor,
}: {
  conversationId: string;
  messageId: string;
  actor: { id: string; name: string };
}): Promise<MessageDto> {
  const conversation = await findConversationForUser({ conversationId, userId: actor.id });
  const message = await db.message.findFirst({ where: { id: messageId, conversationId, direction: "OUTBOUND", private: false } });
  if (!message) throw new AppError("NOT_FOUND", phrase("errors.noSuchMessage"));
  if (!sendActions(message.status).discard) throw new AppError("CONFLICT", phrase("errors.discardOnlyUnconfirmed"));

  const discarded = await db.$transaction(async (tx) => {
    const changed = await tx.message.updateMany({
      where: { id: messageId, status: "UNCONFIRMED" },
      data: { status: "DISCARDED", pendingSince: null },
    });
    if (!changed.count) return null;
    await recordAudit(
      {
        actor: { id: actor.id, label: actor.name },
        action: "message.discarded",
        target: { type: "message", id: messageId, label: customerName(conversation) },
        before: { status: "UNCONFIRMED", problem: message.errorTitle },
        after: { status: "DISCARDED", conversationId },
      },
      tx,
    );
    return tx.message.findUniqueOrThrow({ where: { id: messageId }, include: messageInclude });
  });
  if (!discarded) throw new AppError("CONFLICT", phrase("errors.messageChanged"));
  const update = messageUpdated(discarded);
  publish(update);
  return update.payload;
}
