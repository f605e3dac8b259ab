import type pg from "pg";
import { loadAverages, queueWait, waitForDrain, type Drain } from "./drain";
import type { PhaseResult } from "./load";
import {
  measureCpu,
  readStatements,
  resetStatements,
  sampleConnections,
  type ConnectionProfile,
  type CpuUsage,
  type StatementProfile,
} from "./profile";
import type { LatencyTracker } from "./sockets";
import { round, type Summary } from "./stats";
import { verifyPhase, type Verdict } from "./verify";

// One measured phase: the load itself, and around it the CPU, statement and connection profiles,
// then (once socket events have settled) the correctness check.

export type PhaseReport = {
  name: string;
  result: Omit<PhaseResult, "acceptedInbound" | "acceptedReceipts" | "acceptedKeys">;
  /** Null for probes that store nothing. */
  verdict: Verdict | null;
  sockets: (Summary & { missing: number }) | null;
  cpu: CpuUsage;
  /** CPU time per processed event: less sensitive than rates to what else the machine runs. */
  cpuMsPerEvent: { server: number; postgres: number; bench: number };
  /** After the load: until every acknowledged body was processed (null for probes that store nothing). */
  drain: Drain | null;
  /** How long bodies waited for their batch, in ms (null for probes that store nothing). */
  queued: { p50: number; p95: number } | null;
  /** Acknowledged events per second of load plus drain: what the server processes, sustained. */
  processedPerSecond: number;
  /** Load averages (1, 5, 15 min) as the phase ended: the machine is shared. */
  load: [number, number, number];
  statements: StatementProfile;
  connections: ConnectionProfile;
};

export async function measurePhase({
  name,
  client,
  database,
  channelId,
  poolSize,
  serverPid,
  tracker,
  verify = true,
  run,
}: {
  name: string;
  client: pg.Client;
  database: { url: string; name: string; postmasterPid: number };
  channelId: string;
  poolSize: number;
  serverPid?: number;
  tracker?: LatencyTracker;
  verify?: boolean;
  run: () => Promise<PhaseResult>;
}): Promise<PhaseReport> {
  await resetStatements(client);
  const stopSampling = await sampleConnections(database.url, database.name, poolSize);
  const stopCpu = measureCpu({ serverPid, postmasterPid: database.postmasterPid });
  const since = new Date(Date.now() - 1000);
  const result = await run();
  // The CPU and statements of processing what was acknowledged belong to the phase too.
  const drain = verify && serverPid ? await waitForDrain(client, { since }) : null;
  const cpu = stopCpu();
  const connections = await stopSampling();
  const statements = await readStatements(client, database.name, result.accepted);

  let sockets: PhaseReport["sockets"] = null;
  if (tracker) {
    // Events published just before the last acknowledgement may still be on the wire.
    const deadline = Date.now() + 5_000;
    while (tracker.observedCount(result.acceptedKeys) < result.acceptedKeys.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    sockets = tracker.summary(result.acceptedKeys);
  }
  const verdict = verify ? await verifyPhase({ client, channelId, result }) : null;
  const queued = drain ? await queueWait(client, { since }) : null;
  const { acceptedInbound: _inbound, acceptedReceipts: _receipts, acceptedKeys: _keys, ...rest } = result;
  const processedPerSecond = round(result.accepted / (result.seconds + (drain?.seconds ?? 0)), 1);
  // CPU was measured over load and drain, so it is shared over the events processed in that time.
  const perEvent = (percentOfCore: number) =>
    round((percentOfCore * 10) / Math.max(1e-9, drain ? processedPerSecond : result.eventsPerSecond), 2);
  const cpuMsPerEvent = { server: perEvent(cpu.server), postgres: perEvent(cpu.postgres), bench: perEvent(cpu.bench) };
  return {
    name,
    result: rest,
    verdict,
    sockets,
    cpu,
    cpuMsPerEvent,
    statements,
    connections,
    drain,
    queued,
    processedPerSecond,
    load: loadAverages(),
  };
}
