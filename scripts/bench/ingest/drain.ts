import os from "node:os";
import { performance } from "node:perf_hooks";
import type pg from "pg";
import { round } from "./stats";

// Webhooks are acknowledged once stored and processed right after, so a phase is over when the
// server has processed everything it acknowledged: the drain is the time from the last
// acknowledgement until no logged body waits (a server that keeps up drains in milliseconds; one
// that falls behind shows it here, and in its processed rate).

export type Drain = { seconds: number; left: number; failedBodies: number };

export async function waitForDrain(client: pg.Client, { since, timeoutMs = 600_000 }: { since: Date; timeoutMs?: number }): Promise<Drain> {
  const start = performance.now();
  let left = 0;
  for (;;) {
    const { rows } = await client.query<{ left: number }>(`SELECT count(*)::int AS left FROM "WebhookEvent" WHERE state = 'RECEIVED'`);
    left = rows[0]?.left ?? 0;
    if (left === 0 || performance.now() - start > timeoutMs) break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const seconds = (performance.now() - start) / 1000;
  const { rows } = await client.query<{ failed: number }>(
    `SELECT count(*)::int AS failed FROM "WebhookEvent" WHERE state = 'FAILED' AND "receivedAt" >= $1`,
    [since],
  );
  return { seconds: round(seconds, 2), left, failedBodies: rows[0]?.failed ?? 0 };
}

/**
 * How long acknowledged bodies waited before their batch began (WebhookEvent.receivedAt to
 * processedAt, both the database's clock): the processing queue's share of webhook→socket latency.
 */
export async function queueWait(client: pg.Client, { since }: { since: Date }): Promise<{ p50: number; p95: number }> {
  const { rows } = await client.query<{ p50: number | null; p95: number | null }>(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY wait) AS p50, percentile_cont(0.95) WITHIN GROUP (ORDER BY wait) AS p95
     FROM (SELECT extract(epoch FROM "processedAt" - "receivedAt") * 1000 AS wait
           FROM "WebhookEvent" WHERE "receivedAt" >= $1 AND "processedAt" IS NOT NULL) AS waits`,
    [since],
  );
  return { p50: round(rows[0]?.p50 ?? NaN, 1), p95: round(rows[0]?.p95 ?? NaN, 1) };
}

/**
 * Before a latency phase: the statistics fold caught up, dead rows vacuumed and dirty pages written
 * (VACUUM ANALYZE, CHECKPOINT), so the maintenance a throughput phase leaves behind does not run
 * during the next phase's measurement. Returns the seconds it took.
 */
export async function settle(client: pg.Client): Promise<number> {
  const start = performance.now();
  const deadline = start + 120_000;
  for (;;) {
    const { rows } = await client.query<{ waiting: boolean }>(`SELECT EXISTS (SELECT 1 FROM "StatsDelta") AS waiting`);
    if (!rows[0]?.waiting || performance.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await client.query("VACUUM (ANALYZE)");
  await client.query("CHECKPOINT");
  return round((performance.now() - start) / 1000, 1);
}

/** The machine's load averages (1, 5 and 15 minutes), printed with every figure: others share the machine. */
export function loadAverages(): [number, number, number] {
  const [one = 0, five = 0, fifteen = 0] = os.loadavg();
  return [round(one, 2), round(five, 2), round(fifteen, 2)];
}
