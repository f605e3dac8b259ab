import "server-only";
import { db } from "@/lib/db/client";
import { transportFor } from "./channel-transport";

/** The read-receipt job: read marks (and, with `typing`, "typing…") on the customer's side. */
export async function deliverReadReceipt({
  channelId,
  wamid,
  typing,
}: {
  channelId: string;
  wamid: string;
  typing: boolean;
}): Promise<void> {
  // The message names its customer: Messenger marks a conversation seen by the customer's id.
  const message = await db.message.findFirst({
    where: { channelId, externalId: wamid },
    select: { channel: { select: { kind: true, phoneNumberId: true, pageId: true } }, conversation: { select: { contact: true } } },
  });
  if (!message) return;
  await transportFor(message.channel).markRead({ externalId: wamid, recipient: message.conversation.contact, typing });
}
