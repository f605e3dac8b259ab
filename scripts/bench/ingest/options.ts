import { parseArgs } from "node:util";

// Command-line options of `npm run bench:ingest -- [options]`. Defaults keep a run under ~3 minutes.

export type Options = {
  seconds: number;
  concurrency: number;
  rates: number[];
  latencySeconds: number;
  baselineSeconds: number;
  pool: number;
  customers: number;
  sockets: number;
  conversations: number;
  build: boolean;
  baseline: boolean;
  latency: boolean;
  poolSweep: number[];
  sweepSeconds: number;
  cpuProf: boolean;
  floorSeconds: number;
  identity: boolean;
  statsCompare: boolean;
};

export const usage = `npm run bench:ingest -- [options]

  --seconds N            phase A (throughput) duration, default 60
  --concurrency N        concurrent HTTP clients in phase A and the baseline, default 32
  --rates A,B,...        phase B (latency): one open-loop run per webhook rate in events/s, default 200,800
  --latency-seconds N    duration of each phase B run, default 20
  --baseline-seconds N   bare-pg baseline duration, default 30
  --pool N               DATABASE_POOL_SIZE of the server (and the baseline's pool), default 10
  --customers N          distinct customers writing in, default 2000
  --sockets N            signed-in agent sockets, default 20
  --floor-seconds N      route floor probe (same POSTs, bad signature → 401), default 10; 0 skips
  --identity             send Accept-Encoding: identity (by default fetch asks for gzip, as Meta does)
  --pool-sweep A,B,...   after the main phases, rerun phase A once per pool size (profiling)
  --sweep-seconds N      duration of each pool-sweep run, default 15
  --stats-compare        after phase A, run its load four times more, with the statistics triggers
                         off, on, on, off (same server, same database, same steady state; the
                         mirrored order cancels the database's growth): what keeping the rollups
                         up to date costs ingest
  --no-baseline          skip the bare-pg baseline
  --no-latency           skip phase B
  --cpu-prof             write a V8 CPU profile of the server and print where its time went
  --build                rebuild the production app into .next-bench first`;

export function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      seconds: { type: "string", default: "60" },
      concurrency: { type: "string", default: "32" },
      rates: { type: "string", default: "200,800" },
      "latency-seconds": { type: "string", default: "20" },
      "baseline-seconds": { type: "string", default: "30" },
      pool: { type: "string", default: process.env.DATABASE_POOL_SIZE ?? "10" },
      customers: { type: "string", default: "2000" },
      sockets: { type: "string", default: "20" },
      conversations: { type: "string", default: "100" },
      "pool-sweep": { type: "string", default: "" },
      "sweep-seconds": { type: "string", default: "15" },
      "no-baseline": { type: "boolean", default: false },
      "no-latency": { type: "boolean", default: false },
      build: { type: "boolean", default: false },
      "cpu-prof": { type: "boolean", default: false },
      "floor-seconds": { type: "string", default: "10" },
      identity: { type: "boolean", default: false },
      "stats-compare": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const positive = (name: string, raw: string) => {
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got "${raw}"`);
    return value;
  };
  return {
    seconds: positive("seconds", values.seconds),
    concurrency: Math.round(positive("concurrency", values.concurrency)),
    rates: values.rates
      .split(",")
      .filter(Boolean)
      .map((rate) => positive("rates", rate)),
    latencySeconds: positive("latency-seconds", values["latency-seconds"]),
    baselineSeconds: positive("baseline-seconds", values["baseline-seconds"]),
    pool: Math.round(positive("pool", values.pool)),
    customers: Math.round(positive("customers", values.customers)),
    sockets: Math.round(positive("sockets", values.sockets)),
    conversations: Math.round(positive("conversations", values.conversations)),
    build: values.build,
    baseline: !values["no-baseline"],
    latency: !values["no-latency"],
    poolSweep: values["pool-sweep"]
      .split(",")
      .filter(Boolean)
      .map((size) => Math.round(positive("pool-sweep", size))),
    sweepSeconds: positive("sweep-seconds", values["sweep-seconds"]),
    cpuProf: values["cpu-prof"],
    floorSeconds: Number(values["floor-seconds"]) || 0,
    identity: values.identity,
    statsCompare: values["stats-compare"],
  };
}
