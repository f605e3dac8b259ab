import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import { channelGraphIds } from "@/lib/whatsapp/channel-graph-ids";
import { englishSummary } from "@/lib/whatsapp/alert-summary";
import { GraphError } from "@/lib/whatsapp/graph-client";
import { whatsappChannels } from "@/lib/whatsapp/whatsapp-number";
import { liveProfile } from "./live-profile";
import { driftBetween } from "./profile-overview";
import { diffProfiles, type BusinessProfile } from "./profile-schema";
import { latestVersion } from "./versions";

// The scheduled read of every number's live profile (every few hours). A profile that now differs
// from its last saved version, and did not at the previous read, raises an alert for admins; the
// profile page shows the difference and lets them adopt or overwrite it.

export async function checkLiveProfiles(): Promise<{ checked: number; drifted: number }> {
  const channels = await db.channel.findMany({ where: whatsappChannels, select: { id: true } });
  let drifted = 0;
  for (const channel of channels) {
    try {
      if (await checkChannel(channel.id)) drifted++;
    } catch (error) {
      // One unreachable number does not stop the others; the next run tries again.
      if (!(error instanceof GraphError)) throw error;
      console.error(`[profile] could not read the live profile of channel ${channel.id}: ${error.message}`);
    }
  }
  return { checked: channels.length, drifted };
}

async function checkChannel(channelId: string): Promise<boolean> {
  const before = await db.channelMetaState.findUnique({ where: { channelId }, select: { liveProfile: true } });
  const live = await liveProfile({ ids: await channelGraphIds(channelId) });
  const saved = await latestVersion({ channelId });
  const drift = driftBetween({ saved, live: live.profile, checkedAt: live.checkedAt });
  if (!drift) return false;
  const previous = before?.liveProfile as BusinessProfile | null | undefined;
  if (previous && Object.keys(diffProfiles(previous, live.profile)).length === 0) return true;
  const alert = { field: "business_profile", kind: "profile_changed_elsewhere", payload: drift.changes };
  await db.channelAlert.create({
    data: { ...alert, channelId, summary: englishSummary(alert), payload: drift.changes as Prisma.InputJsonValue },
  });
  return true;
}
