// What leaves the server about conversations and messages: the JSON API and socket events share
// these shapes (built by serializers.ts). Plain types only, safe to import from client components.

import type { MessageStatus } from "./status";

export type ConversationStatus = "OPEN" | "PENDING" | "SNOOZED" | "RESOLVED";

export type UserSummary = { id: string; name: string };

export type LabelDto = { id: string; name: string; color: string };

export type ContactDto = {
  id: string;
  name: string | null;
  /** The name, else the number, username or "Messenger user …1234". */
  displayName: string;
  waId: string | null;
  bsuid: string | null;
  /** Messenger: the Page-scoped id. */
  psid: string | null;
  username: string | null;
  /** Messenger: the profile picture, a stored file (/api/media/:id). */
  avatarMediaId: string | null;
  /** The language the customer reads, as Meta's template locale code (`hi`, `en_US`), when an agent set it. */
  language: string | null;
};

/** Which platform a conversation is on, and (Messenger) whether its Page may send HUMAN_AGENT replies. */
export type ChannelSummary = { kind: "whatsapp" | "messenger"; humanAgent: boolean };

/**
 * Messenger's reply windows: open (24 h after the customer's last message), human_agent (until 7
 * days: only a person's reply with the HUMAN_AGENT tag), closed.
 */
export type MessengerWindowDto = { state: "open" | "human_agent" | "closed"; expiresAt: string | null; humanAgentExpiresAt: string | null };

/** The click-to-WhatsApp ad or post the customer came from. */
export type ReferralDto = {
  headline: string | null;
  body: string | null;
  sourceType: string | null;
  sourceUrl: string | null;
  mediaType: string | null;
  thumbnailUrl: string | null;
  at: string | null;
};

export type ConversationDto = {
  id: string;
  /** The inbox it is answered in. */
  inboxId: string;
  /** The channel its customer writes on (templates and flows are the channel's). */
  channelId: string;
  channel: ChannelSummary;
  /** Messenger only; WhatsApp's window is windowExpiresAt and billingWindow. */
  messengerWindow: MessengerWindowDto | null;
  status: ConversationStatus;
  contact: ContactDto;
  assignee: UserSummary | null;
  team: { id: string; name: string } | null;
  labels: LabelDto[];
  snoozedUntil: string | null;
  // When the customer's oldest unanswered message arrived; null once the business replied.
  waitingSince: string | null;
  unreadCount: number;
  lastMessageAt: string;
  lastMessagePreview: string | null;
  lastInboundAt: string | null;
  windowExpiresAt: string | null;
  // Which window Meta bills this conversation's messages in, and Meta's latest pricing for it.
  billingWindow: {
    kind: "free_entry_point" | "customer_service" | "closed";
    expiresAt: string | null;
    freeEntryPointOfferExpiresAt: string | null;
  };
  billing: { category: string | null; type: string | null; billable: boolean | null };
  referral: ReferralDto | null;
};

export type MessageDto = {
  id: string;
  conversationId: string;
  direction: "INBOUND" | "OUTBOUND";
  type: string;
  text: string | null;
  content: unknown;
  externalId: string | null;
  status: MessageStatus;
  timestamp: string;
  sentAt: string | null;
  deliveredAt: string | null;
  readAt: string | null;
  failedAt: string | null;
  error: { code: number | null; title: string | null; details: string | null } | null;
  sender: UserSummary | null;
  media: MediaDto | null;
  reactions: ReactionDto[];
  // The message this one replies to, as it was when the reply arrived; found false when the inbox
  // never had it.
  quoted: QuotedDto | null;
  forwarded: boolean;
  frequentlyForwarded: boolean;
  edited: boolean;
  deleted: boolean;
  // Written by a customer the business had blocked: kept, shown greyed, but it alerted nobody.
  receivedWhileBlocked: boolean;
  /** An activity line's event (type "activity"), worded in the reader's language (activity.ts). */
  activity: ActivityDto | null;
};

/** What happened, and the names and values it happened with (ISO dates), as stored. */
export type ActivityDto = { kind: string; params: Record<string, string | null> };

export type MediaState = "PENDING" | "STORED" | "FAILED";

export type MediaDto = {
  id: string;
  mimeType: string;
  fileName: string | null;
  size: number | null;
  state: MediaState;
  error: string | null;
};

/** `by` is "customer" or the id of the agent who reacted. */
export type ReactionDto = { by: string; emoji: string; at: string };

export type QuotedDto = {
  externalId: string;
  found: boolean;
  type: string | null;
  text: string | null;
  direction: "INBOUND" | "OUTBOUND" | null;
};

export type NotificationDto = {
  id: string;
  /** "assigned", "mention" or "channel"; worded from `params` in the reader's language. */
  kind: string;
  params: NotificationParams;
  conversationId: string | null;
  messageId: string | null;
  createdAt: string;
  readAt: string | null;
};

/** A channel alert as a notification quotes it (lib/whatsapp/account-alerts.ts words it). */
export type ChannelNoticeAlert = { field: string; kind: string; payload: unknown };

/**
 * A notification's values, by kind: assigned { actor (null: assigned automatically), customer },
 * mention { actor, customer, excerpt }, channel { channel, alert }; { text } for one kept as written.
 */
export type NotificationParams = {
  actor?: string | null;
  customer?: string | null;
  excerpt?: string;
  channel?: string;
  alert?: ChannelNoticeAlert | null;
  text?: string;
};

/** Who has a conversation open right now, and who of them is typing. */
export type PresenceDto = { conversationId: string; viewers: { id: string; name: string; typing: boolean }[] };
