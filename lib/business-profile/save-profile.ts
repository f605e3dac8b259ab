import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { readBusinessProfile, writeBusinessProfile, type ProfileWrite } from "@/lib/whatsapp/business-profile-api";
import { channelGraphIds } from "@/lib/whatsapp/channel-graph-ids";
import { rememberLiveProfile } from "./live-profile";
import { profileRefusal } from "./profile-refusal";
import { diffProfiles, type BusinessProfile, type ProfileChange } from "./profile-schema";
import { addVersion, type ProfileVersionDto } from "./versions";

// Saves a change to the business profile: only the fields that differ from what WhatsApp shows now
// are posted, the profile is read back as Meta stored it, and that becomes a new version (with the
// diff against the previous one) and an audit event. Restoring a version and overwriting a change
// made elsewhere are saves too.

export type ProfileSaveAction = "business_profile.saved" | "business_profile.restored" | "business_profile.overwritten";

export type SaveResult = { profile: BusinessProfile; version: ProfileVersionDto | null };

export async function saveProfile({
  channelId,
  change,
  actor,
  action = "business_profile.saved",
  reason = null,
}: {
  channelId: string;
  change: ProfileChange;
  actor: { id: string; name: string };
  action?: ProfileSaveAction;
  reason?: string | null;
}): Promise<SaveResult> {
  const ids = await channelGraphIds(channelId);
  const current = await readBusinessProfile({ phoneNumberId: ids.phoneNumberId });
  const fields = changedFields(current, change);
  if (Object.keys(fields).length === 0) return { profile: current, version: null };

  try {
    await writeBusinessProfile({ phoneNumberId: ids.phoneNumberId, fields });
  } catch (error) {
    throw profileRefusal(error) ?? error;
  }
  const saved = await readBusinessProfile({ phoneNumberId: ids.phoneNumberId });

  const version = await db.$transaction(async (tx) => {
    // What this save changed on WhatsApp (after a change made elsewhere, that is more than the
    // difference to the last saved version).
    const changes = diffProfiles(current, saved);
    const added = await addVersion({ tx, channelId, profile: saved, changes, source: "app", actor });
    await rememberLiveProfile({ channelId, profile: saved, tx });
    await recordAudit(
      {
        actor: { id: actor.id, label: actor.name },
        action,
        target: { type: "channel", id: channelId },
        reason,
        before: Object.fromEntries(Object.entries(changes).map(([field, value]) => [field, value.before])),
        after: { ...Object.fromEntries(Object.entries(changes).map(([field, value]) => [field, value.after])), versionId: added.id },
      },
      tx,
    );
    return added;
  });
  return { profile: saved, version };
}

/** The requested fields whose value differs from the live profile; a new photo always counts. */
export function changedFields(current: BusinessProfile, change: ProfileChange): ProfileWrite {
  const fields: ProfileWrite = {};
  if (change.about !== undefined && change.about !== current.about) fields.about = change.about;
  if (change.description !== undefined && change.description !== current.description) fields.description = change.description;
  if (change.address !== undefined && change.address !== current.address) fields.address = change.address;
  if (change.email !== undefined && change.email !== current.email) fields.email = change.email;
  if (change.vertical !== undefined && change.vertical !== current.vertical) fields.vertical = change.vertical;
  if (change.websites !== undefined && JSON.stringify(change.websites) !== JSON.stringify(current.websites))
    fields.websites = change.websites;
  if (change.photoHandle) fields.photoHandle = change.photoHandle;
  return fields;
}
