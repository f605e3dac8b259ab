import "server-only";
import { randomUUID } from "node:crypto";
import { db, type Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { enqueueSend } from "@/lib/jobs/queue";
import { conversationUpdated, messageCreated } from "@/lib/realtime/build-events";
import { publish } from "@/lib/realtime/publish";
import { previewText } from "@/lib/whatsapp/inbound-content";
import { findConversationForUser } from "./find-conversation";
import type { SendInput } from "./outbound-schema";
import { prepareOutbound } from "./prepare-outbound";
import { conversationInclude, messageInclude } from "./serializers";
import type { MessageDto } from "./types";

/**
 * An agent's message of any kind (text, template, buttons, list, flow, file): checked, then stored
 * as QUEUED together with its send job (one transaction, so neither exists without the other); the
 * job calls the Graph API. Free-form kinds are refused outside the customer service window;
 * templates must be approved.
 */
export async function sendMessage({
  conversationId,
  input,
  actor,
}: {
  conversationId: string;
  input: SendInput;
  actor: { id: string };
}): Promise<MessageDto> {
  const conversation = await findConversationForUser({ conversationId, userId: actor.id });
  const messageId = randomUUID();
  const outbound = await prepareOutbound({ conversation, input, messageId });
  const quoted = input.replyTo ? await quotedMessage({ conversationId, messageId: input.replyTo }) : null;

  const now = new Date();
  const content = { ...outbound.content, ...(quoted ? { quoted: quoted.snapshot } : {}) } as Prisma.InputJsonValue;
  const { message, updated } = await db.$transaction(async (tx) => {
    const message = await tx.message.create({
      data: {
        id: messageId,
        channelId: conversation.contact.channelId,
        conversationId,
        senderId: actor.id,
        direction: "OUTBOUND",
        type: outbound.type,
        text: outbound.text,
        content,
        contextExternalId: quoted?.externalId ?? null,
        status: "QUEUED",
        pendingSince: now,
        timestamp: now,
      },
    });
    if (outbound.mediaId) await attachMedia({ tx, mediaId: outbound.mediaId, messageId });
    await enqueueSend({ messageId, tx });
    const updated = await tx.conversation.update({
      where: { id: conversationId },
      data: {
        lastMessageAt: now,
        lastMessagePreview: previewText({ type: outbound.type, text: outbound.text }),
        unreadCount: 0,
        waitingSince: null,
        assigneeId: conversation.assigneeId ?? actor.id,
      },
      include: conversationInclude,
    });
    return { message: await tx.message.findUniqueOrThrow({ where: { id: message.id }, include: messageInclude }), updated };
  });

  const created = messageCreated(message);
  publish(created, conversationUpdated(updated));
  return created.payload;
}

// WhatsApp quotes by wamid, so only a message that reached WhatsApp can be quoted. The thread
// shows the quote as it was when the reply went out, as the phone does.
async function quotedMessage({ conversationId, messageId }: { conversationId: string; messageId: string }) {
  const quoted = await db.message.findFirst({ where: { id: messageId, conversationId } });
  if (!quoted)
    throw new AppError("UNPROCESSABLE", phrase("errors.replyToUnknown"), [
      { path: "replyTo", message: phrase("errors.fieldUnknownMessage") },
    ]);
  if (!quoted.externalId) {
    throw new AppError("UNPROCESSABLE", phrase("errors.replyToNotSent"), [{ path: "replyTo", message: phrase("errors.fieldNotSentYet") }]);
  }
  return { externalId: quoted.externalId, snapshot: { type: quoted.type, text: quoted.text, direction: quoted.direction } };
}

// An upload belongs to the first message that sends it; sending the same file again gets its own
// row pointing at the same stored bytes and Meta media id.
async function attachMedia({ tx, mediaId, messageId }: { tx: Prisma.TransactionClient; mediaId: string; messageId: string }) {
  const claimed = await tx.media.updateMany({ where: { id: mediaId, messageId: null }, data: { messageId } });
  if (claimed.count) return;
  const source = await tx.media.findUniqueOrThrow({ where: { id: mediaId } });
  await tx.media.create({
    data: {
      channelId: source.channelId,
      messageId,
      metaMediaId: source.metaMediaId,
      mimeType: source.mimeType,
      sha256: source.sha256,
      fileName: source.fileName,
      size: source.size,
      storageKey: source.storageKey,
      state: source.state,
    },
  });
}
