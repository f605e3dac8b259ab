import type { Prisma } from "@/lib/db/client";
import { enqueueFetchMedia } from "@/lib/jobs/queue";
import { describeMetaError } from "./error-messages";
import { isMediaType } from "./media-rules";
import type { InboundMessage } from "./webhook-schema";

type Tx = Prisma.TransactionClient;

/**
 * A photo, video, audio, voice note, document or sticker arrives as a media id; the file itself is
 * fetched by a job (lib/media/fetch-inbound-media.ts). The row starts PENDING, so the thread can
 * say "Downloading…" at once.
 */
export async function recordInboundMedia({
  tx,
  channelId,
  messageId,
  message,
}: {
  tx: Tx;
  channelId: string;
  messageId: string;
  message: InboundMessage;
}): Promise<void> {
  if (!isMediaType(message.type)) return;
  const part = (message[message.type] ?? {}) as Record<string, unknown>;
  const string = (value: unknown) => (typeof value === "string" && value ? value : null);
  const metaMediaId = string(part.id);
  const media = await tx.media.create({
    data: {
      channelId,
      messageId,
      metaMediaId,
      mimeType: string(part.mime_type) ?? "application/octet-stream",
      sha256: string(part.sha256),
      fileName: string(part.filename),
      ...(metaMediaId ? {} : { state: "FAILED", error: `${describeMetaError({ code: 131052 })} WhatsApp sent no media id.` }),
    },
    select: { id: true },
  });
  if (metaMediaId) await enqueueFetchMedia({ mediaId: media.id, tx });
}
