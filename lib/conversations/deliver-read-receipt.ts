import "server-only";
import { db } from "@/lib/db/client";
import { whatsappTransport } from "@/lib/whatsapp/transport";

/** The read-receipt job: blue ticks (and, with `typing`, "typing…") on the customer's phone. */
export async function deliverReadReceipt({
  channelId,
  wamid,
  typing,
}: {
  channelId: string;
  wamid: string;
  typing: boolean;
}): Promise<void> {
  const channel = await db.channel.findUnique({ where: { id: channelId }, select: { phoneNumberId: true } });
  if (!channel) return;
  await whatsappTransport.markRead({ phoneNumberId: channel.phoneNumberId, externalId: wamid, typing });
}
