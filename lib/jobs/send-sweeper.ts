import { config } from "@/lib/config";
import { sweepSends } from "@/lib/conversations/sweep-sends";

/**
 * Runs the send sweeper (lib/conversations/sweep-sends.ts) every quarter of the confirmation grace,
 * between 1 and 30 seconds, in every instance (they skip each other's rows). Returns a stop function.
 */
export function startSendSweeper(): () => Promise<void> {
  const graceMs = config().sending.confirmGraceMs;
  const everyMs = Math.min(30_000, Math.max(1_000, Math.floor(graceMs / 4)));
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = sweepSends({ graceMs, queuedAgeMs: everyMs })
      .catch((error) => console.error("[send] sweeping stranded sends failed", error))
      .finally(() => {
        running = null;
      });
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
