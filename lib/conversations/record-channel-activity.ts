import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/db/client";
import { messageCreated } from "@/lib/realtime/build-events";
import type { Publication } from "@/lib/realtime/publish";
import type { ChannelActivityInput } from "./channel-input";
import { messageInclude } from "./serializers";

/**
 * Something the channel reported around a customer's conversation rather than in it — another app
 * of the Page took the conversation over, passed it back, or the customer wrote while another app
 * had it (Messenger's handover protocol and standby channel) — as an activity line in their latest
 * conversation (record-activity.ts), kept under the event's own id so a replay adds nothing. Null
 * when the customer has no conversation here yet (the webhook log keeps the event).
 */
export async function recordChannelActivity({
  tx,
  channelId,
  activity,
}: {
  tx: Prisma.TransactionClient;
  channelId: string;
  activity: ChannelActivityInput;
}): Promise<Publication[] | null> {
  const contact = await tx.contact.findUnique({
    where: { channelId_psid: { channelId, psid: activity.customer.psid } },
    select: { id: true },
  });
  const conversation = contact
    ? await tx.conversation.findFirst({ where: { contactId: contact.id }, orderBy: { createdAt: "desc" }, select: { id: true } })
    : null;
  if (!conversation) return null;
  const id = randomUUID();
  const inserted = await tx.message.createMany({
    data: [
      {
        id,
        channelId,
        conversationId: conversation.id,
        direction: "OUTBOUND",
        type: "activity",
        activity: activity.activity,
        externalId: activity.externalId,
        status: "RECEIVED",
        private: true,
        timestamp: activity.at,
      },
    ],
    skipDuplicates: true,
  });
  if (inserted.count === 0) return [];
  return [messageCreated(await tx.message.findUniqueOrThrow({ where: { id }, include: messageInclude }))];
}
