// Reads a request body while it streams in and stops the moment it passes `limit` bytes. A
// Content-Length header can be absent (chunked) or false, so the count is what decides: past the
// limit nothing more is read and what was read so far is dropped, so at most `limit` bytes plus
// one chunk are ever held, whatever the sender pushes.
//
// The caller then answers (413) and calls `cancel` once the answer is out (next/server's `after`).
// Cancelling closes the connection, and a sender still writing into a closed connection may see a
// reset before it has read the 413; so `cancel` first lingers, reading and discarding for a moment
// (at most LINGER_MS and LINGER_BYTES, nothing kept), as web servers do before closing.

export type LimitedBody = { ok: true; bytes: Buffer } | { ok: false; reason: "TOO_LARGE"; received: number; cancel: () => Promise<void> };

export async function readLimitedBody({ body, limit }: { body: ReadableStream<Uint8Array> | null; limit: number }): Promise<LimitedBody> {
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
        return { ok: false, reason: "TOO_LARGE", received, cancel: () => lingerThenCancel(body) };
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
}

const LINGER_MS = 2_000;
const LINGER_BYTES = 32 * 1024 * 1024;

/** Discards what still arrives for a moment, then ends the upload (see the top of the file). */
export async function lingerThenCancel(body: ReadableStream<Uint8Array>): Promise<void> {
  const reader = body.getReader();
  const deadline = Date.now() + LINGER_MS;
  let discarded = 0;
  try {
    while (discarded < LINGER_BYTES) {
      const left = deadline - Date.now();
      if (left <= 0) break;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), left)));
      const next = await Promise.race([reader.read(), timeout]).finally(() => clearTimeout(timer));
      if (!next || next.done) break;
      discarded += next.value.byteLength;
    }
  } catch {
    // The sender went away: nothing left to end.
  } finally {
    await reader.cancel("The body is larger than the limit.").catch(() => undefined);
  }
}
