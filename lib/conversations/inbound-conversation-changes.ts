import type { Prisma } from "@/lib/db/client";
import type { ConversationStatus } from "./types";

// Messages that change something already in the thread rather than say something new.
const changeTypes = new Set(["reaction", "edit", "revoke"]);

/**
 * What a customer's new message does to its (not blocked) conversation. A system notice (a changed
 * number or security code) is not the customer writing: it neither counts as unread nor opens the
 * service window. Neither do stray reactions, edits and deletions. Writing makes the customer wait
 * for an answer from their first unanswered message on, and ends a snooze. Pure: no I/O.
 */
export function inboundConversationChanges({
  conversation,
  created,
  message,
}: {
  conversation: {
    status: ConversationStatus;
    lastInboundAt: Date | null;
    waitingSince: Date | null;
    lastMessageAt: Date;
    referralAt: Date | null;
  };
  created: boolean;
  message: { type: string; at: Date; preview: string; referral: Prisma.InputJsonValue | null };
}): Prisma.ConversationUpdateInput {
  const { at, referral } = message;
  const notice = message.type === "system";
  const writes = !notice && !changeTypes.has(message.type);
  const isNewest = at >= conversation.lastMessageAt || created;
  return {
    ...(notice ? {} : { unreadCount: { increment: 1 }, status: conversation.status === "RESOLVED" ? undefined : "OPEN" }),
    ...(writes && (!conversation.lastInboundAt || at > conversation.lastInboundAt) ? { lastInboundAt: at } : {}),
    ...(writes && !conversation.waitingSince ? { waitingSince: at } : {}),
    ...(writes && conversation.status === "SNOOZED" ? { snoozedUntil: null } : {}),
    ...(!notice && isNewest ? { lastMessageAt: at, lastMessagePreview: message.preview } : {}),
    ...(referral && (!conversation.referralAt || at >= conversation.referralAt) ? { referral, referralAt: at } : {}),
  };
}
