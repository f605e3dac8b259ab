import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { numberIds } from "./whatsapp-number";

// The Graph ids a channel is reached at, with its inbox's name. Its access token comes with every
// Graph request (graph-client.ts asks lib/channels/credentials.ts for the number's own).

export type ChannelGraphIds = { channelId: string; name: string; phoneNumberId: string; wabaId: string; displayPhoneNumber: string };

export async function channelGraphIds(channelId: string): Promise<ChannelGraphIds> {
  const channel = await db.channel.findUnique({
    where: { id: channelId },
    select: { id: true, phoneNumberId: true, wabaId: true, displayPhoneNumber: true, inbox: { select: { name: true } } },
  });
  if (!channel?.phoneNumberId) throw new AppError("NOT_FOUND", phrase("errors.noSuchNumber"));
  const ids = numberIds(channel);
  return { channelId: channel.id, name: channel.inbox?.name ?? `+${ids.displayPhoneNumber}`, ...ids };
}
