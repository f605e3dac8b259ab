import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, type Prisma } from "@/lib/db/client";
import { messagingOf } from "@/lib/messenger/send-payload";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { messageUpdated } from "@/lib/realtime/build-events";
import { publish } from "@/lib/realtime/publish";
import { normaliseLanguage } from "@/lib/whatsapp/render-template";
import { findConversationForUser } from "./find-conversation";
import { requeueMessage } from "./requeue-message";
import { checkMessengerPolicy, checkSendPolicy } from "./send-policy";
import { sendActions } from "./send-state";
import { messageInclude } from "./serializers";
import type { MessageDto } from "./types";
import { messengerWindow, serviceWindow } from "./window";

type Conversation = Awaited<ReturnType<typeof findConversationForUser>>;

/**
 * Sends an outbound message again on the same row: a FAILED one (retry), or an UNCONFIRMED one the
 * agent chose to resend although it may have reached the customer (audited). It goes back to
 * QUEUED with a new send job; the rules of the first send apply again (a text whose window has
 * closed since stays refused). Two clicks at once re-queue it once.
 */
export async function retryMessage({
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
  if (!sendActions(message.status).resend) {
    throw new AppError("CONFLICT", phrase("errors.resendOnlyFailed"));
  }
  const { content } = await checkPolicyAgain({ conversation, message });

  const unconfirmed = message.status === "UNCONFIRMED";
  const queued = await db.$transaction(async (tx) => {
    if (!(await requeueMessage({ tx, messageId, from: [message.status], content }))) return null;
    if (unconfirmed) {
      await recordAudit(
        {
          actor: { id: actor.id, label: actor.name },
          action: "message.resent",
          target: { type: "message", id: messageId, label: customerName(conversation) },
          before: { status: "UNCONFIRMED", problem: message.errorTitle },
          after: { status: "QUEUED", conversationId },
        },
        tx,
      );
    }
    return tx.message.findUniqueOrThrow({ where: { id: messageId }, include: messageInclude });
  });
  if (!queued) throw new AppError("CONFLICT", phrase("errors.alreadyResending"));
  const update = messageUpdated(queued);
  publish(update);
  return update.payload;
}

export function customerName(conversation: Pick<Conversation, "contact">): string | null {
  const { contact } = conversation;
  return contact.name || (contact.waId ? `+${contact.waId}` : null);
}

/**
 * The send's rules as they are now: the window, the template's approval, the channel, a block. On
 * Messenger the window decides again how the message may go out (a tag the agent once confirmed
 * stays): the content to send is returned with its new messaging type.
 */
export async function checkPolicyAgain({
  conversation,
  message,
}: {
  conversation: Pick<Conversation, "lastInboundAt" | "contact">;
  message: { type: string; content: unknown };
}): Promise<{ content?: Prisma.InputJsonValue }> {
  const channel = await db.channel.findUniqueOrThrow({
    where: { id: conversation.contact.channelId },
    select: { kind: true, disabledAt: true, humanAgentEnabled: true },
  });
  if (channel.kind === "MESSENGER") {
    const window = messengerWindow({ lastInboundAt: conversation.lastInboundAt }).state;
    const tagged = messagingOf(message.content).messaging_type === "MESSAGE_TAG";
    const messaging = checkMessengerPolicy({ window, humanAgentTag: tagged, contact: conversation.contact, channel });
    return { content: { ...(message.content as Record<string, Prisma.InputJsonValue>), messaging } };
  }
  const windowOpen = serviceWindow({ lastInboundAt: conversation.lastInboundAt }).open;
  if (message.type !== "template") {
    checkSendPolicy({ kind: "free_form", windowOpen, contact: conversation.contact, channel });
    return {};
  }
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
  return {};
}
