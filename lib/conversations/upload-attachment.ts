import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { mediaKey, mediaStorage } from "@/lib/media/storage";
import { formatBytes, isAllowedMime, mediaSizeLimits } from "@/lib/whatsapp/media-rules";
import { whatsappTransport } from "@/lib/whatsapp/transport";
import { mediaTypeFor } from "./build-outbound";
import { findConversationForUser } from "./find-conversation";

export type UploadDto = { id: string; type: string; mimeType: string; fileName: string; size: number };

/**
 * A file an agent is about to send: checked against WhatsApp's types and sizes, kept in our
 * storage (so the thread can show it) and uploaded to Meta, whose media id the message then
 * carries. The returned id is what POST …/messages takes as media.mediaId.
 */
export async function uploadAttachment({
  conversationId,
  actor,
  file,
}: {
  conversationId: string;
  actor: { id: string };
  file: { bytes: Uint8Array; mimeType: string; fileName: string };
}): Promise<UploadDto> {
  const conversation = await findConversationForUser({ conversationId, userId: actor.id });
  const type = mediaTypeFor(file.mimeType);
  if (!isAllowedMime({ type, mimeType: file.mimeType })) {
    throw new AppError("INVALID_INPUT", `WhatsApp can't send files of type ${file.mimeType || "unknown"}.`, [
      { path: "file", message: "Unsupported type." },
    ]);
  }
  if (file.bytes.byteLength > mediaSizeLimits[type]) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `WhatsApp sends ${type === "document" ? "documents" : `${type}s`} of at most ${formatBytes(mediaSizeLimits[type])}.`,
      [{ path: "file", message: "Too large." }],
    );
  }

  const media = await db.media.create({
    data: {
      channelId: conversation.contact.channelId,
      mimeType: file.mimeType,
      fileName: file.fileName,
      size: file.bytes.byteLength,
      sha256: createHash("sha256").update(file.bytes).digest("base64"),
    },
  });
  const storageKey = mediaKey({ channelId: conversation.contact.channelId, mediaId: media.id });
  await mediaStorage().put(storageKey, file.bytes);

  const channel = await db.channel.findUniqueOrThrow({ where: { id: conversation.contact.channelId }, select: { phoneNumberId: true } });
  const uploaded = await whatsappTransport.uploadMedia({ phoneNumberId: channel.phoneNumberId, ...file });
  if (!uploaded.ok) {
    await db.media.update({ where: { id: media.id }, data: { state: "FAILED", storageKey, error: uploaded.sentence } });
    throw new AppError("UPSTREAM", uploaded.sentence);
  }
  await db.media.update({ where: { id: media.id }, data: { state: "STORED", storageKey, metaMediaId: uploaded.mediaId } });
  return { id: media.id, type, mimeType: file.mimeType, fileName: file.fileName, size: file.bytes.byteLength };
}
