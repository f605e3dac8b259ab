import type { Prisma } from "@/lib/db/client";
import { enqueueFetchMedia } from "@/lib/jobs/queue";
import type { InboundMediaInput } from "./channel-input";

/**
 * A customer's photo, voice note or document arrives as the channel's media id; the file itself is
 * fetched by a job (lib/media/fetch-inbound-media.ts). The row starts PENDING, so the thread can
 * say "Downloading…" at once, or FAILED with the channel's sentence when there is nothing to fetch.
 */
export async function storeInboundMedia({
  tx,
  channelId,
  messageId,
  media,
}: {
  tx: Prisma.TransactionClient;
  channelId: string;
  messageId: string;
  media: InboundMediaInput;
}): Promise<void> {
  const { externalMediaId: metaMediaId } = media;
  const row = await tx.media.create({
    data: {
      channelId,
      messageId,
      metaMediaId,
      mimeType: media.mimeType,
      sha256: media.sha256,
      fileName: media.fileName,
      ...(metaMediaId ? {} : { state: "FAILED", error: media.failure }),
    },
    select: { id: true },
  });
  if (metaMediaId) await enqueueFetchMedia({ mediaId: row.id, tx });
}
