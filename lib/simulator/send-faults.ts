// Faults of the simulated Graph API that leave the outcome of a send unknown to the caller, for
// tests and demos of exactly-once sending (docs/architecture.md, "Sending"). Marked customer numbers:
//  - 996…: Meta accepts the message and never answers: the request hangs until the caller gives up
//    (its timeout); then the status webhooks follow, echoing biz_opaque_callback_data.
//  - 995…: Meta accepts the message and the connection drops in the middle of the answer; then the
//    status webhooks follow.
//  - 994…: the first request for a message is lost: it hangs until the caller gives up and nothing is
//    accepted, so no webhook ever comes. Later requests for it are answered normally.
//  - 993…: the first three requests for a message answer HTTP 503 with Meta's transient error
//    (code 2); the fourth is answered normally.
// "A message" is told apart by its biz_opaque_callback_data (Switchboard sends its message id).

export type SendFault = "hang-after-accepting" | "drop-after-accepting" | "lost" | "unavailable";

const holder = globalThis as unknown as { simulatorFaultCounts?: Map<string, number> };

export function sendFault({ to, key }: { to: string; key: string }): SendFault | null {
  if (to.startsWith("996")) return "hang-after-accepting";
  if (to.startsWith("995")) return "drop-after-accepting";
  if (!to.startsWith("994") && !to.startsWith("993")) return null;
  const counts = (holder.simulatorFaultCounts ??= new Map());
  const id = `${to}:${key}`;
  const seen = counts.get(id) ?? 0;
  counts.set(id, seen + 1);
  if (to.startsWith("994")) return seen === 0 ? "lost" : null;
  return seen < 3 ? "unavailable" : null;
}

/**
 * The HTTP answer for a reply with a fault: "hang" holds the request until the caller gives up (or
 * well past its timeout), "drop" starts the answer and cuts the connection half-way. The reply's
 * `then` runs afterwards, as Meta's webhooks would follow the accepted message.
 */
export async function faultyResponse(
  fault: { kind: "hang" | "drop"; then?: () => void },
  body: unknown,
  { signal, callerTimeoutMs }: { signal: AbortSignal; callerTimeoutMs: number },
): Promise<Response> {
  if (fault.kind === "hang") {
    await new Promise<void>((resolve) => {
      if (signal.aborted) return resolve();
      const timer = setTimeout(resolve, callerTimeoutMs + 5_000);
      signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
    });
    fault.then?.();
    return new Response(null, { status: 504 });
  }
  const text = new TextEncoder().encode(JSON.stringify(body));
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(text.slice(0, Math.floor(text.length / 2)));
      setTimeout(() => {
        controller.error(new Error("The simulated connection dropped"));
        fault.then?.();
      }, 20);
    },
  });
  return new Response(stream, { status: 200, headers: { "content-type": "application/json" } });
}
