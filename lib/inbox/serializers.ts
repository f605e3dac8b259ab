import type { Contact, Conversation, Message, User } from "@/lib/db/client";
import type { ContactDto, ConversationDto, MessageDto } from "./types";
import { billingWindow } from "./billing";
import { serviceWindow } from "./window";

// The one place that shapes conversations and messages for HTTP responses and socket events.

export const conversationInclude = {
  contact: true,
  assignee: { select: { id: true, name: true } },
} as const;

export const messageInclude = { sender: { select: { id: true, name: true } } } as const;

type ConversationRow = Conversation & { contact: Contact; assignee: Pick<User, "id" | "name"> | null };
type MessageRow = Message & { sender: Pick<User, "id" | "name"> | null };

export function serializeContact(contact: Contact): ContactDto {
  return { id: contact.id, name: contact.name, waId: contact.waId, bsuid: contact.bsuid };
}

export function serializeConversation(conversation: ConversationRow): ConversationDto {
  const window = serviceWindow({ lastInboundAt: conversation.lastInboundAt });
  const billing = billingWindow(conversation);
  return {
    id: conversation.id,
    channelId: conversation.channelId,
    status: conversation.status,
    contact: serializeContact(conversation.contact),
    assignee: conversation.assignee,
    unreadCount: conversation.unreadCount,
    lastMessageAt: conversation.lastMessageAt.toISOString(),
    lastMessagePreview: conversation.lastMessagePreview,
    lastInboundAt: conversation.lastInboundAt?.toISOString() ?? null,
    windowExpiresAt: window.expiresAt?.toISOString() ?? null,
    billingWindow: {
      kind: billing.kind,
      expiresAt: billing.expiresAt?.toISOString() ?? null,
      freeEntryPointOfferExpiresAt: billing.freeEntryPointOfferExpiresAt?.toISOString() ?? null,
    },
    billing: { category: conversation.billingCategory, type: conversation.billingType, billable: conversation.billable },
  };
}

export function serializeMessage(message: MessageRow): MessageDto {
  const hasError = message.errorCode !== null || message.errorTitle !== null;
  return {
    id: message.id,
    conversationId: message.conversationId,
    direction: message.direction,
    type: message.type,
    text: message.text,
    content: message.content,
    externalId: message.externalId,
    status: message.status,
    timestamp: message.timestamp.toISOString(),
    sentAt: message.sentAt?.toISOString() ?? null,
    deliveredAt: message.deliveredAt?.toISOString() ?? null,
    readAt: (message.readAt ?? message.playedAt)?.toISOString() ?? null,
    failedAt: message.failedAt?.toISOString() ?? null,
    error: hasError ? { code: message.errorCode, title: message.errorTitle, details: message.errorDetails } : null,
    sender: message.sender,
  };
}
