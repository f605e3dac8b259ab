// Reads a request body while it streams in and stops the moment it passes `limit` bytes. A
// Content-Length header can be absent (chunked) or false, so the count is what decides: past the
// limit nothing more is read and what was read so far is dropped, so at most `limit` bytes plus
// one chunk are ever held, whatever the sender pushes.
//
// The caller then answers (413) and calls `cancel`, which ends the upload for good. In Node's
// server, cancelling the body closes the connection at once, so the answer goes out first
// (next/server's `after`), or the sender would see a reset instead of the 413.

export type LimitedBody =
  | { ok: true; bytes: Buffer }
  | { ok: false; reason: "TOO_LARGE"; received: number; cancel: () => Promise<void> };

export async function readLimitedBody({
  body,
  limit,
}: {
  body: ReadableStream<Uint8Array> | null;
  limit: number;
}): Promise<LimitedBody> {
  if (!body) return { ok: true, bytes: Buffer.alloc(0) };
  const reader = body.getReader();
  let chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { ok: true, bytes: Buffer.concat(chunks, received) };
      received += value.byteLength;
      if (received > limit) {
        chunks = [];
        const cancel = () => body.cancel("The body is larger than the limit.").catch(() => undefined);
        return { ok: false, reason: "TOO_LARGE", received, cancel };
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
}
