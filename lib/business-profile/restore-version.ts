import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { channelGraphIds } from "@/lib/whatsapp/channel-graph-ids";
import { liveProfile } from "./live-profile";
import { diffProfiles, type BusinessProfile, type ProfileChange } from "./profile-schema";
import { saveProfile, type ProfileSaveAction, type SaveResult } from "./save-profile";
import { reuploadPhoto } from "./upload-photo";

// Restoring a version saves its values again (a new version of its own). What WhatsApp cannot take
// back is left as it is: an empty about text, a cleared industry, and a photo whose address has
// expired (it is downloaded from WhatsApp and uploaded again when still there).

export async function restoreVersion({
  channelId,
  versionId,
  actor,
}: {
  channelId: string;
  versionId: string;
  actor: { id: string; name: string };
}): Promise<SaveResult & { photoRestored: boolean }> {
  const version = await db.businessProfileVersion.findFirst({ where: { id: versionId, channelId } });
  if (!version) throw new AppError("NOT_FOUND", phrase("errors.noSuchVersion"));
  return saveProfileValues({
    channelId,
    profile: version.profile as BusinessProfile,
    actor,
    action: "business_profile.restored",
    reason: `Restored the version saved ${version.savedAt.toISOString()} by ${version.savedByName}`,
  });
}

export async function saveProfileValues({
  channelId,
  profile,
  actor,
  action,
  reason,
  current,
}: {
  channelId: string;
  profile: BusinessProfile;
  actor: { id: string; name: string };
  action: ProfileSaveAction;
  reason: string;
  current?: BusinessProfile;
}): Promise<SaveResult & { photoRestored: boolean }> {
  const change: ProfileChange = {
    description: profile.description,
    address: profile.address,
    email: profile.email,
    websites: profile.websites,
    ...(profile.about ? { about: profile.about } : {}),
    ...(profile.vertical ? { vertical: profile.vertical as ProfileChange["vertical"] } : {}),
  };
  let photoRestored = true;
  const ids = await channelGraphIds(channelId);
  const now = current ?? (await liveProfile({ ids })).profile;
  if (profile.photoUrl && "photoUrl" in diffProfiles(now, { ...now, photoUrl: profile.photoUrl })) {
    const handle = await reuploadPhoto({ url: profile.photoUrl, phoneNumberId: ids.phoneNumberId });
    if (handle) change.photoHandle = handle;
    else photoRestored = false;
  }
  const result = await saveProfile({ channelId, change, actor, action, reason });
  return { ...result, photoRestored };
}
