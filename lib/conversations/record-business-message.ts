import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/db/client";
import { upsertContact } from "@/lib/contacts/upsert-contact";
import { conversationCreated, conversationUpdated, messageCreated } from "@/lib/realtime/build-events";
import type { Publication } from "@/lib/realtime/publish";
import type { BusinessMessageInput, CustomerInput } from "./channel-input";
import { conversationInclude, messageInclude } from "./serializers";
import { storeInboundMedia } from "./store-inbound-media";

type Tx = Prisma.TransactionClient;

/**
 * A reply the business sent from outside Switchboard — from the Page's own inbox or another app —
 * as the channel echoed it: it joins the customer's thread as the business's message (no agent,
 * already sent), once: its external id is unique, so a second echo or a replay stores nothing.
 * Like an agent's reply it answers the customer (no longer waiting) and becomes the latest message.
 * A customer the business wrote to first gets a conversation.
 */
export async function recordBusinessMessage({
  tx,
  channelId,
  customer,
  message,
}: {
  tx: Tx;
  channelId: string;
  customer: CustomerInput;
  message: BusinessMessageInput;
}): Promise<Publication[]> {
  const exists = await tx.message.findUnique({
    where: { channelId_externalId: { channelId, externalId: message.externalId } },
    select: { id: true },
  });
  if (exists) return [];
  const contact = await upsertContact({ tx, channelId, ...customer });
  await tx.$queryRaw`SELECT id FROM "Contact" WHERE id = ${contact.id} FOR UPDATE`;

  let conversation =
    (await tx.conversation.findFirst({ where: { contactId: contact.id, status: { not: "RESOLVED" } }, orderBy: { createdAt: "desc" } })) ??
    (await tx.conversation.findFirst({ where: { contactId: contact.id }, orderBy: { createdAt: "desc" } }));
  const created = !conversation;
  conversation ??= await tx.conversation.create({
    data: { inboxId: (await tx.inbox.findUniqueOrThrow({ where: { channelId }, select: { id: true } })).id, contactId: contact.id },
  });

  const messageId = randomUUID();
  const inserted = await tx.message.createMany({
    data: [
      {
        id: messageId,
        channelId,
        conversationId: conversation.id,
        direction: "OUTBOUND",
        type: message.type,
        text: message.text,
        content: { ...message.content, sentFrom: message.origin } as Prisma.InputJsonValue,
        externalId: message.externalId,
        status: "SENT",
        timestamp: message.at,
        sentAt: message.at,
      },
    ],
    skipDuplicates: true,
  });
  if (inserted.count === 0) return [];
  if (message.media) await storeInboundMedia({ tx, channelId, messageId, media: message.media });

  const isNewest = created || message.at >= conversation.lastMessageAt;
  const updated = await tx.conversation.update({
    where: { id: conversation.id },
    data: { waitingSince: null, ...(isNewest ? { lastMessageAt: message.at, lastMessagePreview: message.preview } : {}) },
    include: conversationInclude,
  });
  const row = await tx.message.findUniqueOrThrow({ where: { id: messageId }, include: messageInclude });
  return [messageCreated(row), created ? conversationCreated(updated) : conversationUpdated(updated)];
}
