import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import type { BusinessProfile, ProfileChanges } from "./profile-schema";

// The saved versions of a number's profile, newest first.

export type ProfileVersionDto = {
  id: string;
  savedAt: Date;
  savedBy: string;
  source: "app" | "meta";
  changes: ProfileChanges;
  profile: BusinessProfile;
};

const HISTORY = 50;

export async function listVersions({ channelId }: { channelId: string }): Promise<ProfileVersionDto[]> {
  const rows = await db.businessProfileVersion.findMany({ where: { channelId }, orderBy: { savedAt: "desc" }, take: HISTORY });
  return rows.map(toDto);
}

export async function latestVersion({ channelId, tx = db }: { channelId: string; tx?: Prisma.TransactionClient | typeof db }) {
  const row = await tx.businessProfileVersion.findFirst({ where: { channelId }, orderBy: { savedAt: "desc" } });
  return row ? toDto(row) : null;
}

export async function addVersion({
  tx,
  channelId,
  profile,
  changes,
  source,
  actor,
}: {
  tx: Prisma.TransactionClient;
  channelId: string;
  profile: BusinessProfile;
  changes: ProfileChanges;
  source: "app" | "meta";
  actor: { id: string; name: string } | null;
}): Promise<ProfileVersionDto> {
  const row = await tx.businessProfileVersion.create({
    data: {
      channelId,
      profile: profile as Prisma.InputJsonValue,
      changes: changes as Prisma.InputJsonValue,
      source,
      savedById: actor?.id ?? null,
      savedByName: actor?.name ?? "WhatsApp",
    },
  });
  return toDto(row);
}

function toDto(row: {
  id: string;
  savedAt: Date;
  savedByName: string;
  source: string;
  changes: Prisma.JsonValue;
  profile: Prisma.JsonValue;
}): ProfileVersionDto {
  return {
    id: row.id,
    savedAt: row.savedAt,
    savedBy: row.savedByName,
    source: row.source === "meta" ? "meta" : "app",
    changes: row.changes as ProfileChanges,
    profile: row.profile as BusinessProfile,
  };
}
