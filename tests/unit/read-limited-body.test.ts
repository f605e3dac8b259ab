import { describe, expect, it } from "vitest";
import { readLimitedBody } from "@/lib/http/read-limited-body";

// The streaming size limit: a body is counted as it arrives, and reading stops (the source is
// cancelled) as soon as the count passes the limit, whatever the body claims about its length.

/** A body of `chunks` chunks of `size` bytes (endless when chunks is Infinity), recording what was pulled. */
function source({ chunks, size }: { chunks: number; size: number }) {
  const seen = { pulled: 0, cancelled: false as boolean | string };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled >= chunks) return controller.close();
      seen.pulled++;
      controller.enqueue(new Uint8Array(size).fill(seen.pulled % 256));
    },
    cancel(reason) {
      seen.cancelled = String(reason ?? true);
    },
  });
  return { stream, seen };
}

describe("readLimitedBody", () => {
  it("returns every byte of a body within the limit, in order", async () => {
    const { stream, seen } = source({ chunks: 4, size: 1000 });
    const read = await readLimitedBody({ body: stream, limit: 4000 });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.bytes.length).toBe(4000);
    expect([read.bytes[0], read.bytes[1000], read.bytes[3999]]).toEqual([1, 2, 4]);
    expect(seen.cancelled).toBe(false);
  });

  it("refuses one byte over the limit", async () => {
    const { stream } = source({ chunks: 1, size: 4001 });
    expect(await readLimitedBody({ body: stream, limit: 4000 })).toMatchObject({ ok: false, reason: "TOO_LARGE", received: 4001 });
  });

  it("stops reading an endless body just past the limit, and cancels it when asked", async () => {
    const { stream, seen } = source({ chunks: Infinity, size: 64 * 1024 });
    const limit = 3 * 1024 * 1024;
    const read = await readLimitedBody({ body: stream, limit });
    expect(read).toMatchObject({ ok: false, reason: "TOO_LARGE", received: limit + 64 * 1024 });
    // 48 chunks reach the limit, the 49th passes it; the stream may have queued one more.
    expect(seen.pulled).toBeLessThanOrEqual(limit / (64 * 1024) + 2);
    const pulledAtAnswer = seen.pulled;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen.pulled).toBe(pulledAtAnswer);
    // The lock is released, so the body can be cancelled once the caller has answered.
    expect(stream.locked).toBe(false);
    expect(seen.cancelled).toBe(false);
    if (!read.ok) await read.cancel();
    expect(seen.cancelled).toBe("The body is larger than the limit.");
  });

  it("treats a missing body as empty", async () => {
    expect(await readLimitedBody({ body: null, limit: 10 })).toEqual({ ok: true, bytes: Buffer.alloc(0) });
  });

  it("passes on a body that breaks off (the sender went away)", async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(10));
        controller.error(new Error("aborted"));
      },
    });
    await expect(readLimitedBody({ body: stream, limit: 100 })).rejects.toThrow("aborted");
  });
});
