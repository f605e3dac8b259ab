import "server-only";
import { db } from "@/lib/db/client";
import { messageInclude } from "@/lib/conversations/serializers";
import { AttachmentRejectedError, downloadAttachment } from "@/lib/messenger/download-attachment";
import { messageUpdated } from "@/lib/realtime/build-events";
import { publish } from "@/lib/realtime/publish";
import { describeMetaError } from "@/lib/whatsapp/error-messages";
import { GraphError } from "@/lib/whatsapp/graph-client";
import { downloadMedia, getMediaInfo, MediaRejectedError } from "@/lib/whatsapp/media-api";
import { baseMimeType, formatBytes, isAllowedMime, isMediaType, mediaSizeLimits, type MediaType } from "@/lib/whatsapp/media-rules";
import { mediaKey, mediaStorage } from "./storage";
import { sha256Matches } from "./verify-sha256";

/**
 * The job behind a customer's photo, voice note or document: on WhatsApp asks the Graph API where
 * the file is, checks its type and size against WhatsApp's limits, downloads it and verifies its
 * SHA-256; on Messenger fetches the attachment's address before it expires, within Messenger's
 * limits. Then stores it. The thread learns the outcome through message.updated. Transient failures are thrown
 * for the queue to retry; the last attempt, or a file that can never succeed, marks the media
 * FAILED with a sentence an agent understands.
 */
export async function fetchInboundMedia({ mediaId, lastAttempt }: { mediaId: string; lastAttempt: boolean }): Promise<void> {
  const media = await db.media.findUnique({
    where: { id: mediaId },
    include: { message: { select: { type: true } }, channel: { select: { kind: true, phoneNumberId: true } } },
  });
  if (!media?.message || !media.messageId || media.state !== "PENDING" || !media.metaMediaId) return;
  const messageId = media.messageId;
  const type: MediaType = isMediaType(media.message.type) ? media.message.type : "document";

  let outcome: { state: "STORED"; storageKey: string; size: number; mimeType: string } | { state: "FAILED"; error: string };
  const messenger = media.channel.kind === "MESSENGER";
  try {
    const { bytes, mimeType } = messenger
      ? await downloadAttachment({ url: media.metaMediaId, type: media.message.type })
      : await fromWhatsApp({ media: { ...media, metaMediaId: media.metaMediaId }, type, phoneNumberId: media.channel.phoneNumberId ?? "" });
    const storageKey = mediaKey({ channelId: media.channelId, mediaId: media.id });
    await mediaStorage().put(storageKey, bytes);
    outcome = { state: "STORED", storageKey, size: bytes.byteLength, mimeType };
  } catch (error) {
    const rejected = error instanceof MediaRejectedError || error instanceof AttachmentRejectedError;
    const retryable = error instanceof GraphError ? error.retryable : !rejected;
    if (retryable && !lastAttempt) throw error;
    console.warn(`[media] ${mediaId} could not be fetched`, error);
    const failed = messenger ? "The customer's file could not be downloaded from Messenger." : describeMetaError({ code: 131052 });
    outcome = { state: "FAILED", error: `${failed} ${reason(error)}` };
  }

  // Only a row still waiting changes: a message deleted meanwhile must not get its file back.
  const changed = await db.media.updateMany({ where: { id: mediaId, state: "PENDING" }, data: outcome });
  if (changed.count === 0) {
    if (outcome.state === "STORED") await mediaStorage().remove(outcome.storageKey);
    return;
  }
  const message = await db.message.findUniqueOrThrow({ where: { id: messageId }, include: messageInclude });
  publish(messageUpdated(message));
}

/** Asks the Graph API where the file is, checks its type and size, downloads it and verifies its SHA-256. */
async function fromWhatsApp({
  media,
  type,
  phoneNumberId,
}: {
  media: { metaMediaId: string; mimeType: string; sha256: string | null };
  type: MediaType;
  phoneNumberId: string;
}): Promise<{ bytes: Uint8Array; mimeType: string }> {
  const info = await getMediaInfo({ mediaId: media.metaMediaId, phoneNumberId });
  const mimeType = info.mime_type || media.mimeType;
  if (!isAllowedMime({ type, mimeType })) throw new MediaRejectedError(`Files of type ${baseMimeType(mimeType)} are not accepted.`);
  const limit = mediaSizeLimits[type];
  if (Number(info.file_size) > limit) throw new MediaRejectedError(`It is larger than the ${formatBytes(limit)} WhatsApp allows.`);
  const bytes = await downloadMedia({ url: info.url, maxBytes: limit, phoneNumberId });
  const expected = info.sha256 || media.sha256;
  if (expected && !sha256Matches(bytes, expected)) throw new MediaRejectedError("Its checksum does not match: the file may be damaged.");
  return { bytes, mimeType };
}

function reason(error: unknown): string {
  if (error instanceof MediaRejectedError || error instanceof AttachmentRejectedError) return error.message;
  if (error instanceof GraphError && error.status === 404) return "WhatsApp no longer has it.";
  if (error instanceof GraphError && error.code !== null) return `WhatsApp answered: ${error.message}`;
  return "Try again later or ask the customer to send it again.";
}
