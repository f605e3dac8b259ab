import "server-only";
import { db } from "@/lib/db/client";
import { channelGraphIds } from "@/lib/whatsapp/channel-graph-ids";
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
    profile: live.profile,
    versions,
    drift: driftBetween({ saved: versions[0], live: live.profile, checkedAt: live.checkedAt }),
  };
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
