import { casePath, type Case } from "./cases";

// Requests through HTTP as the inbox page makes them: one signed-in agent, keep-alive, the body
// read in full. Sequential runs give the latency of one request on an idle server; the concurrent
// run shows what happens when several agents ask at once (2 cores: it queues).

export type RunResult = { latencies: number[]; errors: number; firstError: string | null; seconds: number; truncated: boolean };

const REQUEST_TIMEOUT_MS = 30_000;

export async function timedGet(baseUrl: string, cookie: string, path: string): Promise<{ ms: number; error: string | null }> {
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}${path}`, { headers: { cookie }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const body = await response.text();
    const ms = performance.now() - started;
    return { ms, error: response.ok ? null : `HTTP ${response.status} ${body.slice(0, 120)}` };
  } catch (error) {
    return { ms: performance.now() - started, error: String(error) };
  }
}

/** `requests` requests of the case by `concurrency` clients; stops early after `maxSeconds`. */
export async function runCase({
  baseUrl,
  cookie,
  item,
  requests,
  concurrency,
  maxSeconds,
  offset = 0,
}: {
  baseUrl: string;
  cookie: string;
  item: Case;
  requests: number;
  concurrency: number;
  maxSeconds: number;
  offset?: number;
}): Promise<RunResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  let next = 0;
  const started = performance.now();
  const deadline = started + maxSeconds * 1000;
  let truncated = false;
  const client = async () => {
    while (next < requests) {
      if (performance.now() > deadline) {
        truncated = true;
        return;
      }
      const index = next++;
      const result = await timedGet(baseUrl, cookie, casePath(item, offset + index));
      latencies.push(result.ms);
      if (result.error) {
        errors++;
        firstError ??= result.error;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return { latencies, errors, firstError, seconds: (performance.now() - started) / 1000, truncated };
}
