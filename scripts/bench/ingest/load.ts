import { performance } from "node:perf_hooks";
import { summarize, type Summary } from "./stats";
import type { BenchEvent, ReceiptStatus, Workload } from "./workload";

// The two load shapes. Closed loop (phase A, baseline): N clients each send the next event as soon
// as the previous one is acknowledged. Open loop (phase B): events leave at a fixed rate whatever
// the acknowledgements do, so latency is measured without the load backing off.

/**
 * ok: acknowledged (HTTP 200), so Meta would not deliver it again. `problem` notes an
 * acknowledged event the server says it did not process (state FAILED): the correctness check
 * then finds it missing.
 */
export type Outcome = { ok: boolean; error?: string; problem?: string };
export type Send = (event: BenchEvent) => Promise<Outcome>;

export type PhaseResult = {
  seconds: number;
  sent: number;
  accepted: number;
  failed: number;
  /** Acknowledged with 200 although the server did not process them. */
  acknowledgedUnprocessed: number;
  errors: Record<string, number>;
  /** Events acknowledged and processed, per second. */
  eventsPerSecond: number;
  /** Processed events per second in each 5-second window, for seeing whether the rate holds. */
  windows: number[];
  ack: Summary;
  /** Open loop only: how late the scheduler sent relative to the fixed rate, worst case. */
  maxScheduleLagMs?: number;
  /** Open loop only: events not sent because the server was already too far behind. */
  skipped?: number;
  exhausted: boolean;
  acceptedInbound: string[];
  acceptedReceipts: { wamid: string; status: ReceiptStatus }[];
  /** Socket-matching keys of the accepted events (see eventKeys). */
  acceptedKeys: string[];
};

class Recorder {
  private readonly latencies: number[] = [];
  private readonly completions: number[] = [];
  readonly acceptedInbound: string[] = [];
  readonly acceptedReceipts: { wamid: string; status: ReceiptStatus }[] = [];
  readonly acceptedKeys: string[] = [];
  readonly errors: Record<string, number> = {};
  sent = 0;
  failed = 0;
  acknowledgedUnprocessed = 0;

  constructor(private readonly start: number) {}

  record(event: BenchEvent, outcome: Outcome, began: number, ended: number) {
    if (!outcome.ok) {
      this.failed++;
      const reason = (outcome.error ?? "unknown").slice(0, 120);
      this.errors[reason] = (this.errors[reason] ?? 0) + 1;
      return;
    }
    if (outcome.problem) {
      this.acknowledgedUnprocessed++;
      const reason = `200 but ${outcome.problem}`.slice(0, 120);
      this.errors[reason] = (this.errors[reason] ?? 0) + 1;
    }
    this.latencies.push(ended - began);
    if (!outcome.problem) this.completions.push(ended - this.start);
    this.acceptedKeys.push(event.key);
    if (event.kind === "inbound") this.acceptedInbound.push(event.wamid);
    else this.acceptedReceipts.push({ wamid: event.wamid, status: event.status });
  }

  result(elapsedMs: number, exhausted: boolean, open?: { maxScheduleLagMs: number; skipped: number }): PhaseResult {
    const windowCount = Math.max(1, Math.floor(elapsedMs / 5000));
    const windows = new Array<number>(windowCount).fill(0);
    for (const at of this.completions) {
      const window = Math.floor(at / 5000);
      if (window < windowCount) windows[window]!++;
    }
    return {
      seconds: elapsedMs / 1000,
      sent: this.sent,
      accepted: this.latencies.length,
      failed: this.failed,
      acknowledgedUnprocessed: this.acknowledgedUnprocessed,
      errors: this.errors,
      eventsPerSecond: this.completions.length / (elapsedMs / 1000),
      windows: windows.map((count) => count / 5),
      ack: summarize(this.latencies),
      ...open,
      exhausted,
      acceptedInbound: this.acceptedInbound,
      acceptedReceipts: this.acceptedReceipts,
      acceptedKeys: this.acceptedKeys,
    };
  }
}

async function attempt(send: Send, event: BenchEvent): Promise<Outcome> {
  try {
    return await send(event);
  } catch (error) {
    // fetch says only "fetch failed"; the reason (ECONNRESET, a timeout…) is in its cause.
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: cause ? `${message}: ${cause.code ?? cause.message}` : message };
  }
}

export async function runClosedLoop({
  workload,
  concurrency,
  seconds,
  send,
  onSend,
}: {
  workload: Workload;
  concurrency: number;
  seconds: number;
  send: Send;
  onSend?: (event: BenchEvent, at: number) => void;
}): Promise<PhaseResult> {
  const start = performance.now();
  const end = start + seconds * 1000;
  const recorder = new Recorder(start);
  let exhausted = false;
  const client = async () => {
    while (performance.now() < end) {
      const event = workload.next();
      if (!event) {
        exhausted = true;
        return;
      }
      const began = performance.now();
      recorder.sent++;
      onSend?.(event, began);
      const outcome = await attempt(send, event);
      recorder.record(event, outcome, began, performance.now());
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return recorder.result(performance.now() - start, exhausted);
}

export async function runOpenLoop({
  workload,
  rate,
  seconds,
  send,
  onSend,
  maxBacklogSeconds = 2,
}: {
  workload: Workload;
  rate: number;
  seconds: number;
  send: Send;
  onSend?: (event: BenchEvent, at: number) => void;
  /** A server more than this far behind gets no new events until it catches up (they count as skipped). */
  maxBacklogSeconds?: number;
}): Promise<PhaseResult> {
  const start = performance.now();
  const recorder = new Recorder(start);
  const total = Math.floor(rate * seconds);
  const maxInFlight = Math.max(64, Math.ceil(rate * maxBacklogSeconds));
  const inFlight = new Set<Promise<void>>();
  let maxLag = 0;
  let skipped = 0;
  let exhausted = false;
  for (let index = 0; index < total; index++) {
    const due = start + (index / rate) * 1000;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    // Waiting here would turn the open loop into a closed one; an overloaded server is reported.
    if (inFlight.size >= maxInFlight) {
      skipped++;
      continue;
    }
    const event = workload.next();
    if (!event) {
      exhausted = true;
      break;
    }
    const began = performance.now();
    maxLag = Math.max(maxLag, began - due);
    recorder.sent++;
    onSend?.(event, began);
    const request: Promise<void> = attempt(send, event).then((outcome) => {
      recorder.record(event, outcome, began, performance.now());
      inFlight.delete(request);
    });
    inFlight.add(request);
  }
  await Promise.all(inFlight);
  return recorder.result(performance.now() - start, exhausted, { maxScheduleLagMs: maxLag, skipped });
}
