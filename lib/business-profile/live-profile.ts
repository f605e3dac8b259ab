import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import type { BusinessProfile } from "./profile-schema";
import { readBusinessProfile } from "@/lib/whatsapp/business-profile-api";
import type { ChannelGraphIds } from "@/lib/whatsapp/channel-graph-ids";

// The profile as WhatsApp shows it now, read from Meta and remembered with the time it was read,
// so a page load within `maxAgeMs` of the last read does not call Meta again.

export const PAGE_CACHE_MS = 30_000;

export async function liveProfile({ ids, maxAgeMs = 0 }: { ids: ChannelGraphIds; maxAgeMs?: number }): Promise<{
  profile: BusinessProfile;
  checkedAt: Date;
}> {
  if (maxAgeMs > 0) {
    const state = await db.channelMetaState.findUnique({ where: { channelId: ids.channelId } });
    if (state?.liveProfile && state.profileCheckedAt && Date.now() - state.profileCheckedAt.getTime() < maxAgeMs) {
      return { profile: state.liveProfile as BusinessProfile, checkedAt: state.profileCheckedAt };
    }
  }
  const profile = await readBusinessProfile({ phoneNumberId: ids.phoneNumberId });
  const checkedAt = new Date();
  await rememberLiveProfile({ channelId: ids.channelId, profile, checkedAt });
  return { profile, checkedAt };
}

export async function rememberLiveProfile({
  channelId,
  profile,
  checkedAt = new Date(),
  tx = db,
}: {
  channelId: string;
  profile: BusinessProfile;
  checkedAt?: Date;
  tx?: Prisma.TransactionClient | typeof db;
}) {
  const data = { liveProfile: profile as Prisma.InputJsonValue, profileCheckedAt: checkedAt };
  await tx.channelMetaState.upsert({ where: { channelId }, create: { channelId, ...data }, update: data });
}
