import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

// The Graph ids a channel is reached at. The access token and app id come with every Graph request
// (graph-client.ts, from the configuration); this lookup is the one place a channel's own
// credentials would be read from.

export type ChannelGraphIds = { channelId: string; name: string; phoneNumberId: string; wabaId: string; displayPhoneNumber: string };

export async function channelGraphIds(channelId: string): Promise<ChannelGraphIds> {
  const channel = await db.channel.findUnique({
    where: { id: channelId },
    select: { id: true, name: true, phoneNumberId: true, wabaId: true, displayPhoneNumber: true },
  });
  if (!channel) throw new AppError("NOT_FOUND", "There is no such WhatsApp number.");
  return { channelId: channel.id, ...channel };
}
