import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/db/client";
import { conversationInclude, messageInclude, serializeConversation, serializeMessage } from "@/lib/inbox/serializers";
import { rooms } from "@/lib/realtime/events";
import type { Publication } from "@/lib/realtime/publish";
import { inboundContent, previewText } from "./inbound-content";
import { metaTime, type InboundMessage, type MessagesValue } from "./webhook-schema";

type Tx = Prisma.TransactionClient;

/**
 * Stores one inbound message: its contact, its conversation, the message itself. A wamid already
 * stored changes nothing. Returns the events to publish once the transaction commits.
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

  const profile = value.contacts?.find((c) => (c.wa_id && c.wa_id === message.from) || (c.user_id && c.user_id === message.from_user_id)) ?? value.contacts?.[0];
  const contact = await upsertContact({
    tx,
    channelId,
    waId: message.from || profile?.wa_id || null,
    bsuid: message.from_user_id ?? profile?.user_id ?? null,
    name: profile?.profile?.name ?? null,
  });

  // Serialise everything that happens to one contact, so two webhooks cannot open two conversations.
  await tx.$queryRaw`SELECT id FROM "Contact" WHERE id = ${contact.id} FOR UPDATE`;
  let conversation = await tx.conversation.findFirst({
    where: { contactId: contact.id, status: { not: "RESOLVED" } },
    orderBy: { createdAt: "desc" },
  });
  const created = !conversation;
  conversation ??= await tx.conversation.create({ data: { channelId, contactId: contact.id } });

  const timestamp = metaTime(message.timestamp);
  const stored = inboundContent(message);
  const inserted = await tx.message.createMany({
    data: [
      {
        id: randomUUID(),
        channelId,
        conversationId: conversation.id,
        direction: "INBOUND",
        type: stored.type,
        text: stored.text,
        content: stored.content as Prisma.InputJsonValue,
        externalId: message.id,
        status: "RECEIVED",
        timestamp,
      },
    ],
    skipDuplicates: true,
  });
  if (inserted.count === 0) return [];

  const isNewest = timestamp >= conversation.lastMessageAt || created;
  const updated = await tx.conversation.update({
    where: { id: conversation.id },
    data: {
      unreadCount: { increment: 1 },
      status: conversation.status === "RESOLVED" ? undefined : "OPEN",
      lastInboundAt: !conversation.lastInboundAt || timestamp > conversation.lastInboundAt ? timestamp : undefined,
      ...(isNewest ? { lastMessageAt: timestamp, lastMessagePreview: previewText(stored) } : {}),
    },
    include: conversationInclude,
  });
  const row = await tx.message.findUniqueOrThrow({
    where: { channelId_externalId: { channelId, externalId: message.id } },
    include: messageInclude,
  });

  const conversationDto = serializeConversation(updated);
  return [
    { event: "message.created", payload: serializeMessage(row), rooms: [rooms.conversation(conversation.id)] },
    {
      event: created ? "conversation.created" : "conversation.updated",
      payload: conversationDto,
      rooms: [rooms.inbox(channelId)],
    },
  ];
}

async function upsertContact({
  tx,
  channelId,
  waId,
  bsuid,
  name,
}: {
  tx: Tx;
  channelId: string;
  waId: string | null;
  bsuid: string | null;
  name: string | null;
}) {
  // Key by the business-scoped user id when Meta sends one, else by wa_id; a contact first seen by
  // number gains its BSUID when one arrives, so the history stays together.
  const existing =
    (bsuid ? await tx.contact.findUnique({ where: { channelId_bsuid: { channelId, bsuid } } }) : null) ??
    (waId ? await tx.contact.findUnique({ where: { channelId_waId: { channelId, waId } } }) : null);
  if (!existing) return tx.contact.create({ data: { channelId, waId, bsuid, name } });

  const changes: Prisma.ContactUpdateInput = {};
  if (name && name !== existing.name) changes.name = name;
  if (bsuid && !existing.bsuid) changes.bsuid = bsuid;
  if (waId && !existing.waId) changes.waId = waId;
  if (Object.keys(changes).length === 0) return existing;
  return tx.contact.update({ where: { id: existing.id }, data: changes });
}
