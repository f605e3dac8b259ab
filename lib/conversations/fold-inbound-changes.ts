import type { Prisma } from "@/lib/db/client";
import { inboundConversationChanges } from "./inbound-conversation-changes";
import type { ConversationStatus } from "./types";

// Several customer messages stored at once change their conversation as if stored one after the
// other: inboundConversationChanges() for each in turn, each seeing what the previous ones did.
// The result says which fields changed, so a batch writes only those (a field an agent changes
// meanwhile, such as the waiting time an answer clears, is left as the agent left it). Pure: no I/O.

export type FoldedConversation = {
  status: ConversationStatus;
  lastInboundAt: Date | null;
  waitingSince: Date | null;
  snoozedUntil: Date | null;
  lastMessageAt: Date;
  lastMessagePreview: string | null;
  referral: Prisma.InputJsonValue | null;
  referralAt: Date | null;
};

export const foldedFields = [
  "status",
  "lastInboundAt",
  "waitingSince",
  "snoozedUntil",
  "lastMessageAt",
  "lastMessagePreview",
  "referral",
  "referralAt",
] as const satisfies readonly (keyof FoldedConversation)[];

export type InboundFold = { values: FoldedConversation; changed: Set<keyof FoldedConversation>; unreadAdded: number };

/** `created`: the conversation was opened for the first of these messages. */
export function foldInboundChanges(
  conversation: FoldedConversation,
  messages: { type: string; at: Date; preview: string; referral: Prisma.InputJsonValue | null }[],
  { created = false }: { created?: boolean } = {},
): InboundFold {
  const values = { ...conversation };
  const changed = new Set<keyof FoldedConversation>();
  let unreadAdded = 0;
  for (const [index, message] of messages.entries()) {
    const changes = inboundConversationChanges({ conversation: values, created: created && index === 0, message });
    if (changes.unreadCount) unreadAdded++;
    for (const field of foldedFields) {
      const value = changes[field];
      if (value === undefined) continue;
      (values as Record<string, unknown>)[field] = value;
      changed.add(field);
    }
  }
  return { values, changed, unreadAdded };
}
