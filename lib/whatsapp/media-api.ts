import "server-only";
import { accessTokenOf, GraphError, graphRequest } from "./graph-client";
import { formatBytes } from "./media-rules";

// Meta's media endpoints: GET /{media-id} answers with a short-lived URL and the file's metadata;
// the URL is then fetched with the same bearer token, as Meta's media API documents.

export type MediaInfo = { id: string; url: string; mime_type?: string; sha256?: string; file_size?: number | string };

export async function getMediaInfo({ mediaId, phoneNumberId }: { mediaId: string; phoneNumberId: string }): Promise<MediaInfo> {
  const info = await graphRequest<MediaInfo>({ as: { phoneNumberId }, method: "GET", path: encodeURIComponent(mediaId) });
  if (typeof info.url !== "string" || !/^https?:\/\//.test(info.url)) {
    throw new GraphError("The Graph API answered without a download URL", 200, null, null, false);
  }
  return info;
}

/** A download that cannot succeed by trying again (too large, gone, refused). */
export class MediaRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MediaRejectedError";
  }
}

/**
 * Downloads the file, refusing it as soon as it grows past `maxBytes` (announced or actual), so a
 * large file never sits in memory. Network errors, 429 and 5xx throw a retryable GraphError.
 */
export async function downloadMedia({
  url,
  maxBytes,
  phoneNumberId,
}: {
  url: string;
  maxBytes: number;
  phoneNumberId: string;
}): Promise<Uint8Array> {
  const accessToken = await accessTokenOf({ phoneNumberId });
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${accessToken}` },
      signal: AbortSignal.timeout(120_000),
    });
  } catch (error) {
    throw new GraphError(`Could not reach the media server: ${(error as Error).message}`, 0, null, null, true);
  }
  if (!response.ok) {
    await response.body?.cancel();
    const retryable = response.status === 429 || response.status >= 500;
    throw new GraphError(`The media server answered ${response.status}`, response.status, null, null, retryable);
  }
  const announced = Number(response.headers.get("content-length"));
  if (announced > maxBytes) {
    await response.body?.cancel();
    throw new MediaRejectedError(`It is larger than the ${formatBytes(maxBytes)} WhatsApp allows.`);
  }
  return readCapped(response, maxBytes);
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new MediaRejectedError(`It is larger than the ${formatBytes(maxBytes)} WhatsApp allows.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
