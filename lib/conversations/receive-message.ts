import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/db/client";
import { changeContactNumber } from "@/lib/contacts/change-contact-number";
import { upsertContact } from "@/lib/contacts/upsert-contact";
import { enqueueFetchProfile } from "@/lib/jobs/queue";
import { conversationCreated, conversationUpdated, messageCreated } from "@/lib/realtime/build-events";
import type { Publication } from "@/lib/realtime/publish";
import { applyEdit } from "./apply-edit";
import { applyReaction } from "./apply-reaction";
import { applyRevoke } from "./apply-revoke";
import { autoAssign } from "./auto-assign";
import type { CustomerInput, InboundMessageInput } from "./channel-input";
import { inboundConversationChanges } from "./inbound-conversation-changes";
import { conversationInclude, messageInclude } from "./serializers";
import { storeInboundMedia } from "./store-inbound-media";

type Tx = Prisma.TransactionClient;

/**
 * Stores one customer message from any channel: its contact, its conversation, the message itself
 * and its media. Reactions, edits and deletions change the message they point at instead. An
 * external id already stored changes nothing. Returns the events to publish once the transaction
 * commits.
 */
export async function receiveMessage({
  tx,
  channelId,
  customer,
  message,
}: {
  tx: Tx;
  channelId: string;
  customer: CustomerInput;
  message: InboundMessageInput;
}): Promise<Publication[]> {
  const exists = await tx.message.findUnique({
    where: { channelId_externalId: { channelId, externalId: message.externalId } },
    select: { id: true },
  });
  if (exists) return [];

  let contact = await upsertContact({ tx, channelId, ...customer });
  // A new Messenger customer's name and picture are read by a job (the User Profile API).
  if (contact.created && contact.psid) await enqueueFetchProfile({ contactId: contact.id, tx });
  // Serialise everything that happens to one contact, so two webhooks cannot open two conversations.
  await tx.$queryRaw`SELECT id FROM "Contact" WHERE id = ${contact.id} FOR UPDATE`;
  const at = message.at;
  const applied = await applyChange({ tx, channelId, contactId: contact.id, message });
  if (applied) return applied;
  if (message.numberChange) ({ contact } = await changeContactNumber({ tx, contact, newWaId: message.numberChange.newWaId }));

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
    data: {
      inboxId: await inboxOf({ tx, channelId }),
      contactId: contact.id,
      ...(blocked ? { status: "RESOLVED", resolvedAt: at, lastMessageAt: at } : {}),
    },
  });
  const assignment = created && !blocked ? await autoAssign({ tx, conversation: { ...conversation, contact } }) : null;

  const content = { ...message.content };
  if (message.quotedExternalId) {
    content.quoted = await quotedSnapshot({ tx, channelId, contactId: contact.id, externalId: message.quotedExternalId });
  }
  const messageId = randomUUID();
  const inserted = await tx.message.createMany({
    data: [
      {
        id: messageId,
        channelId,
        conversationId: conversation.id,
        direction: "INBOUND",
        type: message.type,
        text: message.text,
        content: content as Prisma.InputJsonValue,
        externalId: message.externalId,
        status: "RECEIVED",
        timestamp: at,
        contextExternalId: message.quotedExternalId,
        forwarded: message.forwarded,
        receivedWhileBlocked: blocked,
        errorCode: message.error?.code ?? null,
        errorTitle: message.error?.title ?? null,
        errorDetails: message.error?.details ?? null,
      },
    ],
    skipDuplicates: true,
  });
  if (inserted.count === 0) return [];
  if (message.media) await storeInboundMedia({ tx, channelId, messageId, media: message.media });

  // Shown in the thread (greyed) to whoever has it open; no unread count, no reopening, no place
  // in the list, no alert.
  if (blocked) {
    const row = await tx.message.findUniqueOrThrow({ where: { id: messageId }, include: messageInclude });
    return [messageCreated(row)];
  }

  const updated = await tx.conversation.update({
    where: { id: conversation.id },
    data: inboundConversationChanges({ conversation, created, message }),
    include: conversationInclude,
  });
  const row = await tx.message.findUniqueOrThrow({ where: { id: messageId }, include: messageInclude });
  return [...(assignment?.publications ?? []), messageCreated(row), created ? conversationCreated(updated) : conversationUpdated(updated)];
}

/** Reactions, edits and deletions applied to the message they point at; null when it is unknown. */
async function applyChange({
  tx,
  channelId,
  contactId,
  message,
}: {
  tx: Tx;
  channelId: string;
  contactId: string;
  message: InboundMessageInput;
}): Promise<Publication[] | null> {
  const { change, at } = message;
  switch (change?.kind) {
    case "reaction":
      return applyReaction({ tx, channelId, contactId, targetExternalId: change.targetExternalId, emoji: change.emoji, at });
    case "edit":
      return applyEdit({ tx, channelId, contactId, originalExternalId: change.originalExternalId, text: change.text, at });
    case "revoke":
      return applyRevoke({ tx, channelId, contactId, originalExternalId: change.originalExternalId, at });
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

/** The inbox that answers a channel's customers. */
async function inboxOf({ tx, channelId }: { tx: Tx; channelId: string }): Promise<string> {
  const inbox = await tx.inbox.findUniqueOrThrow({ where: { channelId }, select: { id: true } });
  return inbox.id;
}
