import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/db/client";
import { conversationInclude, messageInclude, serializeConversation, serializeMessage } from "@/lib/inbox/serializers";
import { autoAssign } from "@/lib/inbox/auto-assign";
import { rooms } from "@/lib/realtime/events";
import type { Publication } from "@/lib/realtime/publish";
import { applyEdit, applyRevoke } from "./apply-message-change";
import { applyReaction } from "./apply-reaction";
import { changeContactNumber } from "./change-contact-number";
import { editedText, inboundContent, previewText } from "./inbound-content";
import { recordInboundMedia } from "./record-inbound-media";
import { upsertContact } from "./upsert-contact";
import { metaTime, type InboundMessage, type MessagesValue } from "./webhook-schema";

type Tx = Prisma.TransactionClient;

// Messages that change something already in the thread rather than say something new.
const changeTypes = new Set(["reaction", "edit", "revoke"]);

/**
 * Stores one inbound message: its contact, its conversation, the message itself and its media.
 * Reactions, edits and deletions change the message they point at instead. A wamid already stored
 * changes nothing. Returns the events to publish once the transaction commits.
 */
export async function recordInbound({
  tx,
  channelId,
  value,
  message,
}: {
  tx: Tx;
  channelId: string;
  value: MessagesValue;
  message: InboundMessage;
}): Promise<Publication[]> {
  const exists = await tx.message.findUnique({
    where: { channelId_externalId: { channelId, externalId: message.id } },
    select: { id: true },
  });
  if (exists) return [];

  const profile =
    value.contacts?.find((c) => (c.wa_id && c.wa_id === message.from) || (c.user_id && c.user_id === message.from_user_id)) ??
    value.contacts?.[0];
  let contact = await upsertContact({
    tx,
    channelId,
    waId: message.from || profile?.wa_id || null,
    bsuid: message.from_user_id ?? profile?.user_id ?? null,
    name: profile?.profile?.name ?? null,
    username: profile?.profile?.username ?? null,
  });

  // Serialise everything that happens to one contact, so two webhooks cannot open two conversations.
  await tx.$queryRaw`SELECT id FROM "Contact" WHERE id = ${contact.id} FOR UPDATE`;
  const timestamp = metaTime(message.timestamp);
  const applied = await applyChange({ tx, channelId, contactId: contact.id, message, at: timestamp });
  if (applied) return applied;

  const system = message.type === "system" ? (message.system as { type?: string; wa_id?: string } | undefined) : undefined;
  if (system?.type === "user_changed_number") {
    ({ contact } = await changeContactNumber({ tx, contact, newWaId: system.wa_id }));
  }

  // A customer the business blocked is still heard (nothing is lost) but not let in: the message
  // goes into their latest conversation, whatever its state, and changes nothing else.
  const blocked = contact.blockedAt !== null;
  let conversation =
    (await tx.conversation.findFirst({
      where: { contactId: contact.id, status: { not: "RESOLVED" } },
      orderBy: { createdAt: "desc" },
    })) ?? (blocked ? await tx.conversation.findFirst({ where: { contactId: contact.id }, orderBy: { createdAt: "desc" } }) : null);
  const created = !conversation;
  conversation ??= await tx.conversation.create({
    data: { channelId, contactId: contact.id, ...(blocked ? { status: "RESOLVED", resolvedAt: timestamp, lastMessageAt: timestamp } : {}) },
  });
  const assignment = created && !blocked ? await autoAssign({ tx, conversation }) : null;

  const stored = inboundContent(message, { valueErrors: value.errors });
  const quotedId = message.context?.id;
  if (quotedId) stored.content.quoted = await quotedSnapshot({ tx, channelId, contactId: contact.id, externalId: quotedId });
  const messageId = randomUUID();
  const inserted = await tx.message.createMany({
    data: [
      {
        id: messageId,
        channelId,
        conversationId: conversation.id,
        direction: "INBOUND",
        type: stored.type,
        text: stored.text,
        content: stored.content as Prisma.InputJsonValue,
        externalId: message.id,
        status: "RECEIVED",
        timestamp,
        contextExternalId: quotedId ?? null,
        forwarded: message.context?.forwarded === true || message.context?.frequently_forwarded === true,
        receivedWhileBlocked: blocked,
        errorCode: stored.error?.code ?? null,
        errorTitle: stored.error?.title ?? null,
        errorDetails: stored.error?.details ?? null,
      },
    ],
    skipDuplicates: true,
  });
  if (inserted.count === 0) return [];
  await recordInboundMedia({ tx, channelId, messageId, message });

  // Shown in the thread (greyed) to whoever has it open; no unread count, no reopening, no place
  // in the list, no alert.
  if (blocked) {
    const row = await tx.message.findUniqueOrThrow({ where: { id: messageId }, include: messageInclude });
    return [{ event: "message.created", payload: serializeMessage(row), rooms: [rooms.conversation(conversation.id)] }];
  }

  // A system notice (a changed number or security code) is not the customer writing: it neither
  // counts as unread nor opens the service window. Neither do stray reactions, edits and deletions.
  const notice = stored.type === "system";
  const writes = !notice && !changeTypes.has(stored.type);
  const isNewest = timestamp >= conversation.lastMessageAt || created;
  const referral = message.referral as Prisma.InputJsonValue | undefined;
  const updated = await tx.conversation.update({
    where: { id: conversation.id },
    data: {
      ...(notice ? {} : { unreadCount: { increment: 1 }, status: conversation.status === "RESOLVED" ? undefined : "OPEN" }),
      ...(writes && (!conversation.lastInboundAt || timestamp > conversation.lastInboundAt) ? { lastInboundAt: timestamp } : {}),
      // The customer now waits for an answer, from their first unanswered message on; a snooze ends.
      ...(writes && !conversation.waitingSince ? { waitingSince: timestamp } : {}),
      ...(writes && conversation.status === "SNOOZED" ? { snoozedUntil: null } : {}),
      ...(!notice && isNewest ? { lastMessageAt: timestamp, lastMessagePreview: previewText(stored) } : {}),
      ...(referral && (!conversation.referralAt || timestamp >= conversation.referralAt) ? { referral, referralAt: timestamp } : {}),
    },
    include: conversationInclude,
  });
  const row = await tx.message.findUniqueOrThrow({ where: { id: messageId }, include: messageInclude });

  return [
    ...(assignment?.publications ?? []),
    { event: "message.created", payload: serializeMessage(row), rooms: [rooms.conversation(conversation.id)] },
    {
      event: created ? "conversation.created" : "conversation.updated",
      payload: serializeConversation(updated),
      rooms: [rooms.inbox(channelId)],
    },
  ];
}

/** Reactions, edits and deletions applied to the message they point at; null when it is unknown. */
async function applyChange({
  tx,
  channelId,
  contactId,
  message,
  at,
}: {
  tx: Tx;
  channelId: string;
  contactId: string;
  message: InboundMessage;
  at: Date;
}): Promise<Publication[] | null> {
  const part = message[message.type] as Record<string, unknown> | undefined;
  switch (message.type) {
    case "reaction":
      return applyReaction({
        tx,
        channelId,
        contactId,
        targetExternalId: typeof part?.message_id === "string" ? part.message_id : undefined,
        emoji: typeof part?.emoji === "string" ? part.emoji : undefined,
        at,
      });
    case "edit":
      return applyEdit({ tx, channelId, contactId, originalExternalId: part?.original_message_id, text: editedText(part), at });
    case "revoke":
      return applyRevoke({ tx, channelId, contactId, originalExternalId: part?.original_message_id, at });
    default:
      return null;
  }
}

/** The quoted message as it is now, or null when this customer's threads never had it. */
async function quotedSnapshot({
  tx,
  channelId,
  contactId,
  externalId,
}: {
  tx: Tx;
  channelId: string;
  contactId: string;
  externalId: string;
}) {
  const quoted = await tx.message.findFirst({
    where: { channelId, externalId, conversation: { contactId } },
    select: { type: true, text: true, direction: true },
  });
  return quoted ? { type: quoted.type, text: quoted.text, direction: quoted.direction } : null;
}
