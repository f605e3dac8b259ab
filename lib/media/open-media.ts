import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { mediaStorage, type StoredObject } from "./storage";

export type OpenedMedia = StoredObject & { mimeType: string; fileName: string | null; kind: string };

/**
 * A stored file, for a member of the inbox its conversation belongs to. Membership is part of the
 * query: anyone else gets the same NOT_FOUND as for an id that does not exist.
 */
export async function openMedia({ mediaId, userId }: { mediaId: string; userId: string }): Promise<OpenedMedia> {
  const media = await db.media.findFirst({
    where: { id: mediaId, state: "STORED", channel: { inbox: { members: { some: { userId } } } } },
    select: { mimeType: true, fileName: true, storageKey: true, message: { select: { type: true } } },
  });
  if (!media?.storageKey) throw new AppError("NOT_FOUND", phrase("errors.noSuchFile"));
  const stored = await mediaStorage().get(media.storageKey);
  if (!stored) throw new AppError("NOT_FOUND", phrase("errors.fileGone"));
  return { ...stored, mimeType: media.mimeType, fileName: media.fileName, kind: media.message?.type ?? "document" };
}
