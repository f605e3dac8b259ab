import type { Contact, Conversation, Media, Message, User } from "@/lib/db/client";
import type {
  ActivityDto,
  ContactDto,
  ConversationDto,
  MessageDto,
  NotificationDto,
  NotificationParams,
  QuotedDto,
  ReactionDto,
  ReferralDto,
} from "./types";
import { billingWindow } from "./billing";
import { messengerWindow, serviceWindow } from "./window";

// The one place that shapes conversations and messages for HTTP responses and socket events.

export const conversationInclude = {
  contact: true,
  // The channel's kind decides the windows and what the composer offers.
  inbox: { select: { channel: { select: { kind: true, humanAgentEnabled: true } } } },
  assignee: { select: { id: true, name: true } },
  team: { select: { id: true, name: true } },
  labels: { select: { label: { select: { id: true, name: true, color: true } } }, orderBy: { createdAt: "asc" } },
} as const;

export const messageInclude = {
  sender: { select: { id: true, name: true } },
  media: { select: { id: true, mimeType: true, fileName: true, size: true, state: true, error: true } },
} as const;

export type ConversationRow = Conversation & {
  contact: Contact;
  inbox: { channel: { kind: "WHATSAPP" | "MESSENGER"; humanAgentEnabled: boolean } };
  assignee: Pick<User, "id" | "name"> | null;
  team: { id: string; name: string } | null;
  labels: { label: { id: string; name: string; color: string } }[];
};
export type MessageRow = Message & {
  sender: Pick<User, "id" | "name"> | null;
  media: Pick<Media, "id" | "mimeType" | "fileName" | "size" | "state" | "error"> | null;
};

export function serializeContact(contact: Contact): ContactDto {
  return {
    id: contact.id,
    name: contact.name,
    displayName: displayName(contact),
    waId: contact.waId,
    bsuid: contact.bsuid,
    psid: contact.psid,
    username: contact.username,
    avatarMediaId: contact.avatarMediaId,
    language: contact.language,
  };
}

/** What the inbox calls a customer: their name, else their number, username or "Messenger user …1234". */
export function displayName(contact: Pick<Contact, "name" | "waId" | "username" | "psid" | "bsuid">): string {
  if (contact.name) return contact.name;
  if (contact.waId) return `+${contact.waId}`;
  if (contact.username) return `@${contact.username}`;
  if (contact.psid) return `Messenger user …${contact.psid.slice(-4)}`;
  return contact.bsuid ?? "Unknown customer";
}

export function serializeConversation(conversation: ConversationRow): ConversationDto {
  const window = serviceWindow({ lastInboundAt: conversation.lastInboundAt });
  const { kind, humanAgentEnabled } = conversation.inbox.channel;
  const messenger = kind === "MESSENGER" ? messengerWindow({ lastInboundAt: conversation.lastInboundAt }) : null;
  // Messenger is free: no billing window, only its reply windows.
  const billing = messenger
    ? ({ kind: messenger.state === "open" ? "customer_service" : "closed", expiresAt: null, freeEntryPointOfferExpiresAt: null } as const)
    : billingWindow(conversation);
  return {
    id: conversation.id,
    inboxId: conversation.inboxId,
    channelId: conversation.contact.channelId,
    channel: { kind: messenger ? "messenger" : "whatsapp", humanAgent: humanAgentEnabled },
    messengerWindow: messenger
      ? {
          state: messenger.state,
          expiresAt: messenger.expiresAt?.toISOString() ?? null,
          humanAgentExpiresAt: messenger.humanAgentExpiresAt?.toISOString() ?? null,
        }
      : null,
    status: conversation.status,
    contact: serializeContact(conversation.contact),
    assignee: conversation.assignee,
    team: conversation.team,
    labels: conversation.labels.map(({ label }) => label),
    snoozedUntil: conversation.snoozedUntil?.toISOString() ?? null,
    waitingSince: conversation.waitingSince?.toISOString() ?? null,
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
    billing: messenger
      ? { category: null, type: null, billable: null }
      : { category: conversation.billingCategory, type: conversation.billingType, billable: conversation.billable },
    referral: serializeReferral(conversation.referral, conversation.referralAt),
  };
}

export function serializeMessage(message: MessageRow): MessageDto {
  const content = isRecord(message.content) ? message.content : {};
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
    media: message.media,
    reactions: serializeReactions(message.reactions),
    quoted: serializeQuoted(message.contextExternalId, content.quoted),
    forwarded: message.forwarded,
    frequentlyForwarded: isRecord(content.context) && content.context.frequently_forwarded === true,
    edited: isRecord(content.edited),
    deleted: isRecord(content.revoked),
    receivedWhileBlocked: message.receivedWhileBlocked,
    activity: message.type === "activity" ? serializeActivity(message.activity) : null,
  };
}

function serializeActivity(value: unknown): ActivityDto {
  if (!isRecord(value) || typeof value.kind !== "string") return { kind: "text", params: { text: "" } };
  const params = isRecord(value.params) ? value.params : {};
  return {
    kind: value.kind,
    params: Object.fromEntries(Object.entries(params).map(([key, param]) => [key, typeof param === "string" ? param : null])),
  };
}

export type NotificationRow = {
  id: string;
  kind: string;
  conversationId: string | null;
  messageId: string | null;
  params: unknown;
  createdAt: Date;
  readAt: Date | null;
};

export function serializeNotification(row: NotificationRow): NotificationDto {
  return {
    id: row.id,
    kind: row.kind,
    params: isRecord(row.params) ? (row.params as NotificationParams) : {},
    conversationId: row.conversationId,
    messageId: row.messageId,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === "object" && !Array.isArray(value);
}

const text = (value: unknown) => (typeof value === "string" && value ? value : null);

function serializeReactions(value: unknown): ReactionDto[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(isRecord)
    .filter((reaction) => text(reaction.emoji) && text(reaction.by))
    .map((reaction) => ({ by: String(reaction.by), emoji: String(reaction.emoji), at: String(reaction.at ?? "") }));
}

// The quoted message is looked up once, when the reply arrives (receive-message.ts), and kept with
// the reply, as WhatsApp itself shows the quote as it was.
function serializeQuoted(externalId: string | null, snapshot: unknown): QuotedDto | null {
  if (!externalId) return null;
  if (!isRecord(snapshot)) return { externalId, found: false, type: null, text: null, direction: null };
  const direction = snapshot.direction === "INBOUND" || snapshot.direction === "OUTBOUND" ? snapshot.direction : null;
  return { externalId, found: true, type: text(snapshot.type), text: text(snapshot.text), direction };
}

function serializeReferral(referral: unknown, at: Date | null): ReferralDto | null {
  if (!isRecord(referral)) return null;
  return {
    headline: text(referral.headline),
    body: text(referral.body),
    sourceType: text(referral.source_type),
    sourceUrl: text(referral.source_url),
    mediaType: text(referral.media_type),
    thumbnailUrl: text(referral.thumbnail_url),
    at: at?.toISOString() ?? null,
  };
}
