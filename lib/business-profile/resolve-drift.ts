import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { channelGraphIds } from "@/lib/whatsapp/channel-graph-ids";
import { liveProfile } from "./live-profile";
import { driftBetween } from "./profile-overview";
import { saveProfileValues } from "./restore-version";
import type { BusinessProfile } from "./profile-schema";
import { addVersion, latestVersion, type ProfileVersionDto } from "./versions";

// The profile was changed outside Switchboard. "adopt" keeps what WhatsApp shows as a new version
// (source "meta"); "overwrite" saves the last saved version again.

export async function resolveDrift({
  channelId,
  resolve,
  actor,
}: {
  channelId: string;
  resolve: "adopt" | "overwrite";
  actor: { id: string; name: string };
}): Promise<{ profile: BusinessProfile; version: ProfileVersionDto | null }> {
  const ids = await channelGraphIds(channelId);
  const live = await liveProfile({ ids });
  const saved = await latestVersion({ channelId });
  const drift = driftBetween({ saved, live: live.profile, checkedAt: live.checkedAt });
  if (!drift) throw new AppError("CONFLICT", phrase("errors.nothingToResolve"));

  if (resolve === "overwrite") {
    return saveProfileValues({
      channelId,
      profile: drift.saved,
      current: live.profile,
      actor,
      action: "business_profile.overwritten",
      reason: "Overwrote a change made outside Switchboard",
    });
  }
  const version = await db.$transaction(async (tx) => {
    const added = await addVersion({ tx, channelId, profile: live.profile, changes: drift.changes, source: "meta", actor });
    await recordAudit(
      {
        actor: { id: actor.id, label: actor.name },
        action: "business_profile.adopted",
        target: { type: "channel", id: channelId },
        reason: "Kept a change made outside Switchboard",
        before: Object.fromEntries(Object.entries(drift.changes).map(([field, value]) => [field, value.before])),
        after: { ...Object.fromEntries(Object.entries(drift.changes).map(([field, value]) => [field, value.after])), versionId: added.id },
      },
      tx,
    );
    return added;
  });
  return { profile: live.profile, version };
}
