import "server-only";
import { readLimitedBody } from "@/lib/http/read-limited-body";
import { formatBytes } from "@/lib/whatsapp/media-rules";
import { isAllowedAttachment, MESSENGER_ATTACHMENT_LIMIT } from "./attachment-rules";

// A customer's Messenger attachment arrives as a CDN address in the webhook (payload.url), which
// expires after a while: the media job fetches it at once and keeps the bytes. No token is needed;
// the address itself is the permission.

/** A file that can never be stored: the wrong type, too large, or gone from Meta's servers. */
export class AttachmentRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AttachmentRejectedError";
  }
}

export async function downloadAttachment({ url, type }: { url: string; type: string }): Promise<{ bytes: Buffer; mimeType: string }> {
  if (!/^https?:\/\//i.test(url)) throw new AttachmentRejectedError("Messenger gave no address to fetch it from.");
  const response = await fetch(url, { redirect: "follow", signal: AbortSignal.timeout(60_000) });
  if (response.status === 403 || response.status === 404 || response.status === 410) {
    await response.body?.cancel();
    throw new AttachmentRejectedError("Messenger no longer has it: its address expired before it could be fetched.");
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`Messenger's file server answered ${response.status}`);
  }
  const mimeType = (response.headers.get("content-type") ?? "application/octet-stream").split(";")[0]!.trim().toLowerCase();
  if (!isAllowedAttachment({ type, mimeType })) {
    await response.body?.cancel();
    throw new AttachmentRejectedError(`Files of type ${mimeType} are not accepted.`);
  }
  const read = await readLimitedBody({ body: response.body, limit: MESSENGER_ATTACHMENT_LIMIT });
  if (!read.ok) {
    await read.cancel();
    throw new AttachmentRejectedError(`It is larger than the ${formatBytes(MESSENGER_ATTACHMENT_LIMIT)} Messenger allows.`);
  }
  return { bytes: read.bytes, mimeType };
}
