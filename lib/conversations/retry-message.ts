import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import { messagingOf } from "@/lib/messenger/send-payload";
import { AppError } from "@/lib/errors";
import { messageUpdated } from "@/lib/realtime/build-events";
import { publish } from "@/lib/realtime/publish";
import { findConversationForUser } from "./find-conversation";
import { normaliseLanguage } from "@/lib/whatsapp/render-template";
import { queueOrFail } from "./send-message";
import { checkMessengerPolicy, checkSendPolicy } from "./send-policy";
import { messageInclude } from "./serializers";
import type { MessageDto } from "./types";
import { messengerWindow, serviceWindow } from "./window";

/**
 * Sends a FAILED outbound message again: the same row goes back to QUEUED with its error and
 * receipts cleared, and a new send job picks it up. The rules of the first send apply again (a
 * text whose window has closed since stays refused). Two clicks at once re-queue it once.
 */
export async function retryMessage({
  conversationId,
  messageId,
  actor,
}: {
  conversationId: string;
  messageId: string;
  actor: { id: string };
}): Promise<MessageDto> {
  const conversation = await findConversationForUser({ conversationId, userId: actor.id });
  const message = await db.message.findFirst({ where: { id: messageId, conversationId, direction: "OUTBOUND" } });
  if (!message) throw new AppError("NOT_FOUND", "No such message in this conversation.");
  if (message.status !== "FAILED") throw new AppError("CONFLICT", "Only a message that failed can be sent again.");

  const windowOpen = serviceWindow({ lastInboundAt: conversation.lastInboundAt }).open;
  const channel = await db.channel.findUniqueOrThrow({
    where: { id: conversation.contact.channelId },
    select: { kind: true, disabledAt: true, humanAgentEnabled: true },
  });
  // Messenger: the window decides again how it may go out; a tag the agent once confirmed stays.
  let content: Prisma.InputJsonValue | undefined;
  if (channel.kind === "MESSENGER") {
    const window = messengerWindow({ lastInboundAt: conversation.lastInboundAt }).state;
    const tagged = messagingOf(message.content).messaging_type === "MESSAGE_TAG";
    const messaging = checkMessengerPolicy({ window, humanAgentTag: tagged, contact: conversation.contact, channel });
    content = { ...(message.content as Record<string, Prisma.InputJsonValue>), messaging };
  } else if (message.type === "template") {
    const sent = (message.content as { template?: { name?: string; language?: { code?: string } } } | null)?.template;
    const template =
      sent?.name && sent.language?.code
        ? await db.template.findUnique({
            where: {
              channelId_name_language: {
                channelId: conversation.contact.channelId,
                name: sent.name,
                language: normaliseLanguage(sent.language.code),
              },
            },
          })
        : null;
    checkSendPolicy({ kind: "template", windowOpen, template, contact: conversation.contact, channel });
  } else {
    checkSendPolicy({ kind: "free_form", windowOpen, contact: conversation.contact, channel });
  }

  // The old wamid failed for good; Meta gives the new attempt its own.
  const requeued = await db.message.updateMany({
    where: { id: messageId, status: "FAILED" },
    data: {
      ...(content ? { content } : {}),
      status: "QUEUED",
      externalId: null,
      failedAt: null,
      errorCode: null,
      errorTitle: null,
      errorDetails: null,
      sentAt: null,
      deliveredAt: null,
      readAt: null,
      playedAt: null,
      pricingModel: null,
      pricingType: null,
      pricingCategory: null,
      billable: null,
      metaConversationId: null,
      metaConversationOrigin: null,
      metaConversationExpiresAt: null,
    },
  });
  if (!requeued.count) throw new AppError("CONFLICT", "This message is already being sent again.");

  const queued = await db.message.findUniqueOrThrow({ where: { id: messageId }, include: messageInclude });
  const update = messageUpdated(queued);
  publish(update);
  return queueOrFail({ messageId, fallback: update.payload });
}
