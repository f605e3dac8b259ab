import "server-only";
import { statsChanged } from "@/lib/realtime/build-events";
import { publish } from "@/lib/realtime/publish";
import { closeFoldClient, foldStats } from "./fold-stats";

const EVERY_MS = 1_000;
const EXPIRE_EVERY = 60;

/**
 * Folds recorded changes into the rollups once a second (one instance at a time, through the
 * rollups' lock) and tells the dashboards when anything changed: at most one stats.changed a
 * second, within about a second of the write. Returns a stop function.
 */
export function startStatsFold(): () => Promise<void> {
  let ticks = 0;
  let running: Promise<void> | null = null;
  const tick = async () => {
    ticks++;
    const taken = await foldStats({ expire: ticks % EXPIRE_EVERY === 0 });
    if (taken) publish(statsChanged(taken));
  };
  const timer = setInterval(() => {
    if (running) return;
    running = tick()
      .catch((error) => console.error("[stats] folding the statistics failed", error))
      .finally(() => {
        running = null;
      });
  }, EVERY_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
    await closeFoldClient();
  };
}
