import "server-only";
import { db } from "@/lib/db/client";
import { channelGraphIds, type ChannelGraphIds } from "@/lib/whatsapp/channel-graph-ids";
import { readPhoneNumber, type PhoneNumberInfo } from "@/lib/whatsapp/phone-number-api";
import { liveProfile, PAGE_CACHE_MS } from "./live-profile";
import { diffProfiles, type BusinessProfile, type ProfileChanges } from "./profile-schema";
import { addVersion, latestVersion, listVersions, type ProfileVersionDto } from "./versions";

// GET /api/channels/:id/profile: the profile customers see now, its saved versions, and whether it
// was changed outside Switchboard (WhatsApp Manager, another tool) since the last saved version.

export type ProfileDrift = {
  /** When Switchboard read the live profile that differs. */
  checkedAt: Date;
  /** The last saved version, and the fields where WhatsApp now shows something else. */
  savedVersionId: string;
  saved: BusinessProfile;
  live: BusinessProfile;
  changes: ProfileChanges;
};

export type ProfileOverview = {
  channel: { id: string; name: string; displayPhoneNumber: string };
  /** The name customers see and whether it carries the blue tick, as Meta last reported them. */
  identity: { name: string; officialBusinessAccount: boolean };
  profile: BusinessProfile;
  versions: ProfileVersionDto[];
  drift: ProfileDrift | null;
};

export async function profileOverview({
  channelId,
  maxAgeMs = PAGE_CACHE_MS,
}: {
  channelId: string;
  maxAgeMs?: number;
}): Promise<ProfileOverview> {
  const ids = await channelGraphIds(channelId);
  const live = await liveProfile({ ids, maxAgeMs });
  // The first read becomes the first version, so every later difference has something to be measured against.
  if (!(await latestVersion({ channelId }))) {
    await db.$transaction((tx) => addVersion({ tx, channelId, profile: live.profile, changes: {}, source: "meta", actor: null }));
  }
  const versions = await listVersions({ channelId });
  return {
    channel: { id: ids.channelId, name: ids.name, displayPhoneNumber: ids.displayPhoneNumber },
    identity: await identity(ids),
    profile: live.profile,
    versions,
    drift: driftBetween({ saved: versions[0], live: live.profile, checkedAt: live.checkedAt }),
  };
}

async function identity(ids: ChannelGraphIds) {
  const state = await db.channelMetaState.findUnique({ where: { channelId: ids.channelId }, select: { number: true } });
  let number = state?.number as PhoneNumberInfo | null | undefined;
  if (!number) number = await readPhoneNumber({ phoneNumberId: ids.phoneNumberId }).catch(() => null);
  return { name: number?.verified_name || ids.name, officialBusinessAccount: number?.is_official_business_account === true };
}

export function driftBetween({
  saved,
  live,
  checkedAt,
}: {
  saved: ProfileVersionDto | undefined | null;
  live: BusinessProfile;
  checkedAt: Date;
}): ProfileDrift | null {
  if (!saved) return null;
  const changes = diffProfiles(saved.profile, live);
  if (Object.keys(changes).length === 0) return null;
  return { checkedAt, savedVersionId: saved.id, saved: saved.profile, live, changes };
}
