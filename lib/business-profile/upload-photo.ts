import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { channelGraphIds } from "@/lib/whatsapp/channel-graph-ids";
import { uploadForHandle } from "@/lib/whatsapp/resumable-upload";
import { imageInfo, photoProblem } from "./photo-rules";

// POST /api/channels/:id/profile/photo: a cropped photo goes to Meta's Resumable Upload API, and the
// handle it returns is what the next save sets the profile picture with.

export async function uploadProfilePhoto({
  channelId,
  bytes,
  fileName,
  actor,
}: {
  channelId: string;
  bytes: Uint8Array;
  fileName: string;
  actor: { id: string; name: string };
}): Promise<{ handle: string }> {
  const { phoneNumberId } = await channelGraphIds(channelId);
  const info = imageInfo(bytes);
  if (!info) throw new AppError("UNPROCESSABLE", phrase("profile.photoType"));
  const problem = photoProblem({ ...info, size: bytes.byteLength });
  if (problem) throw new AppError("UNPROCESSABLE", problem);
  const handle = await uploadForHandle({ phoneNumberId, bytes, mimeType: info.type, fileName });
  await recordAudit({
    actor: { id: actor.id, label: actor.name },
    action: "business_profile.photo_uploaded",
    target: { type: "channel", id: channelId },
    after: { width: info.width, height: info.height, bytes: bytes.byteLength, type: info.type },
  });
  return { handle };
}

/** Downloads a profile photo WhatsApp served earlier and uploads it again, for a restore. Null when it is gone. */
export async function reuploadPhoto({ url, phoneNumberId }: { url: string; phoneNumberId: string }): Promise<string | null> {
  const response = await fetch(url, { signal: AbortSignal.timeout(15_000) }).catch(() => null);
  if (!response?.ok) return null;
  const bytes = new Uint8Array(await response.arrayBuffer());
  const info = imageInfo(bytes);
  if (!info) return null;
  return uploadForHandle({ phoneNumberId, bytes, mimeType: info.type, fileName: `restored.${info.type === "image/png" ? "png" : "jpg"}` });
}
