import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { mediaKey, mediaStorage } from "@/lib/media/storage";
import { formatBytes, isAllowedMime, mediaSizeLimits } from "@/lib/whatsapp/media-rules";
import { isAllowedAttachment, MESSENGER_ATTACHMENT_LIMIT, outboundTypeFor } from "@/lib/messenger/attachment-rules";
import { mediaTypeFor } from "./build-outbound";
import { transportFor } from "./channel-transport";
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
  const channel = await db.channel.findUniqueOrThrow({
    where: { id: conversation.contact.channelId },
    select: { kind: true, phoneNumberId: true, pageId: true },
  });
  if (channel.kind === "MESSENGER") checkMessengerFile(file);
  const type = channel.kind === "MESSENGER" ? outboundTypeFor(file.mimeType) : mediaTypeFor(file.mimeType);
  if (channel.kind === "WHATSAPP" && !isAllowedMime({ type, mimeType: file.mimeType })) {
    throw new AppError("INVALID_INPUT", phrase("errors.fileTypeWhatsApp", { type: file.mimeType || "application/octet-stream" }), [
      { path: "file", message: phrase("errors.fieldUnsupportedType") },
    ]);
  }
  if (channel.kind === "WHATSAPP" && file.bytes.byteLength > mediaSizeLimits[type]) {
    throw new AppError("PAYLOAD_TOO_LARGE", phrase("errors.fileTooLargeWhatsApp", { type, size: formatBytes(mediaSizeLimits[type]) }), [
      { path: "file", message: phrase("errors.fieldTooLarge") },
    ]);
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

  const uploaded = await transportFor(channel).uploadMedia(file);
  if (!uploaded.ok) {
    await db.media.update({ where: { id: media.id }, data: { state: "FAILED", storageKey, error: uploaded.sentence } });
    throw new AppError("UPSTREAM", phrase("errors.uploadRefused", { reason: uploaded.sentence }));
  }
  await db.media.update({ where: { id: media.id }, data: { state: "STORED", storageKey, metaMediaId: uploaded.mediaId } });
  return { id: media.id, type, mimeType: file.mimeType, fileName: file.fileName, size: file.bytes.byteLength };
}

/** Messenger's rules for an agent's file: an image, video, audio or document of at most 25 MB. */
function checkMessengerFile(file: { bytes: Uint8Array; mimeType: string }) {
  if (!isAllowedAttachment({ type: outboundTypeFor(file.mimeType), mimeType: file.mimeType })) {
    throw new AppError("INVALID_INPUT", phrase("errors.fileTypeMessenger", { type: file.mimeType || "application/octet-stream" }), [
      { path: "file", message: phrase("errors.fieldUnsupportedType") },
    ]);
  }
  if (file.bytes.byteLength > MESSENGER_ATTACHMENT_LIMIT) {
    throw new AppError("PAYLOAD_TOO_LARGE", phrase("errors.fileTooLargeMessenger", { size: formatBytes(MESSENGER_ATTACHMENT_LIMIT) }), [
      { path: "file", message: phrase("errors.fieldTooLarge") },
    ]);
  }
}
