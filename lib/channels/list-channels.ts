import "server-only";
import { can, type Role } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { channelSelect, toChannelDto, type ChannelDto } from "./serialize";

/** Admins see every channel; anyone else the channels of the inboxes they belong to. */
export async function listChannels({ user }: { user: { id: string; role: Role } }): Promise<{ items: ChannelDto[] }> {
  const channels = await db.channel.findMany({
    where: can(user.role, "settings.manage") ? {} : { inbox: { members: { some: { userId: user.id } } } },
    select: channelSelect,
    orderBy: { createdAt: "asc" },
  });
  return { items: channels.map(toChannelDto) };
}
