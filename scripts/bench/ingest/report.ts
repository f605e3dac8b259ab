import type { CpuProfileSummary } from "./cpu-profile";
import type { Options } from "./options";
import type { PhaseReport } from "./phase";
import { ms, percent, perSecond, round, table } from "./stats";

// The end-of-run table (the JSON file holds the same figures and more).

export type RunReport = {
  startedAt: string;
  machine: {
    cores: number;
    node: string;
    commit: string;
    loadAtStart: [number, number, number];
    loadAtEnd: [number, number, number];
  };
  options: Options;
  throughput: PhaseReport;
  latency: PhaseReport[];
  floor: PhaseReport | null;
  baseline: PhaseReport | null;
  /** Phase A's load again, with the statistics triggers off and on in turn (--stats-compare). */
  statsCompare: { triggers: string[]; without: PhaseReport[]; withStats: PhaseReport[] } | null;
  poolSweep: { pool: number; eventsPerSecond: number; ackP99: number; cpu: PhaseReport["cpu"]; connections: PhaseReport["connections"] }[];
  serverCpuProfile: CpuProfileSummary | null;
  ratios: { throughputVsBaseline: number | null; statementsVsBaseline: number | null; throughputVsFloor: number | null };
  targets: { name: string; met: boolean; value: string }[];
};

/** The latency targets: p95 under 50 ms at 200 events/s, under 250 ms at 800 events/s. */
const socketTargets: Record<number, number> = { 200: 50, 800: 250 };

export function targetsOf(report: Omit<RunReport, "targets">): RunReport["targets"] {
  const a = report.throughput;
  const all = [
    a,
    ...report.latency,
    report.baseline,
    ...(report.statsCompare?.without ?? []),
    ...(report.statsCompare?.withStats ?? []),
  ].filter((phase): phase is PhaseReport => phase !== null);
  const rateOf = (phase: PhaseReport) => report.options.rates[report.latency.indexOf(phase)] ?? 0;
  return [
    {
      name: "≥ 1,000 events/s sustained (acknowledged and processed)",
      met: a.processedPerSecond >= 1000,
      value: `${perSecond(a.processedPerSecond)} (load ${load(a.load)})`,
    },
    { name: "ack p99 < 100 ms (phase A)", met: a.result.ack.p99 < 100, value: ms(a.result.ack.p99) },
    ...(report.ratios.throughputVsBaseline !== null
      ? [
          {
            name: "≥ 0.5× the bare-pg baseline",
            met: report.ratios.throughputVsBaseline >= 0.5,
            value: String(report.ratios.throughputVsBaseline),
          },
        ]
      : []),
    ...report.latency
      .filter((phase) => phase.sockets && socketTargets[rateOf(phase)] !== undefined)
      .map((phase) => {
        const limit = socketTargets[rateOf(phase)]!;
        const sockets = phase.sockets!;
        return {
          name: `webhook→socket p95 < ${limit} ms at ${rateOf(phase)} events/s`,
          met: sockets.p95 < limit && sockets.missing === 0 && !phase.result.skipped,
          value: `${ms(sockets.p95)}${phase.result.skipped ? `, ${phase.result.skipped} events skipped` : ""}${sockets.missing ? `, ${sockets.missing} never seen` : ""} (load ${load(phase.load)})`,
        };
      }),
    ...(report.statsCompare
      ? [
          {
            name: "statistics triggers cost < 10 % of ingest (server + PostgreSQL CPU per event)",
            met: statsCost(report.statsCompare.withStats, report.statsCompare.without) < 0.1,
            value: `${percent(statsCost(report.statsCompare.withStats, report.statsCompare.without) * 100)} (${meanCpuPerEvent(report.statsCompare.withStats)} vs ${meanCpuPerEvent(report.statsCompare.without)} ms/event; ${perSecond(meanProcessed(report.statsCompare.withStats))} vs ${perSecond(meanProcessed(report.statsCompare.without))} processed; means of ${report.statsCompare.withStats.length} runs each)`,
          },
        ]
      : []),
    {
      name: "zero lost or duplicated",
      met: all.every((phase) => phase.verdict?.lost === 0 && phase.verdict.duplicated === 0),
      value: all.map((phase) => `${phase.name}: ${phase.verdict?.lost}/${phase.verdict?.duplicated}`).join(", "),
    },
  ];
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
const meanCpuPerEvent = (phases: PhaseReport[]) =>
  round(mean(phases.map((phase) => phase.cpuMsPerEvent.server + phase.cpuMsPerEvent.postgres)), 3);
const meanProcessed = (phases: PhaseReport[]) => mean(phases.map((phase) => phase.processedPerSecond));
/** The share of ingest's CPU (server and database, per event) that the statistics triggers and their fold add. */
const statsCost = (withStats: PhaseReport[], without: PhaseReport[]) =>
  1 - meanCpuPerEvent(without) / Math.max(1e-9, meanCpuPerEvent(withStats));
const load = (values: [number, number, number]) => values.join(" / ");
const byName = (a: PhaseReport, b: PhaseReport) => a.name.localeCompare(b.name);

export function printReport(report: RunReport): void {
  const { options } = report;
  const phases = [
    report.throughput,
    ...(report.statsCompare ? [...report.statsCompare.without, ...report.statsCompare.withStats].sort(byName) : []),
    ...report.latency,
    report.floor,
    report.baseline,
  ].filter((phase): phase is PhaseReport => phase !== null);
  const describeLoad = (phase: PhaseReport) => {
    const index = report.latency.indexOf(phase);
    return index >= 0
      ? `${options.rates[index]}/s open loop, ${options.latencySeconds} s`
      : `${options.concurrency} clients, ${round(phase.result.seconds, 0)} s`;
  };
  const rows = [
    [
      "phase",
      "load",
      "acked/s",
      "5 s windows",
      "drain",
      "processed/s",
      "ack p50",
      "ack p99",
      "socket p50",
      "p95",
      "p99",
      "lost",
      "dup",
      "errors",
      "load avg",
    ],
    ...phases.map((phase) => [
      phase.name,
      describeLoad(phase),
      perSecond(phase.result.eventsPerSecond),
      phase.result.windows.length > 1
        ? `${Math.round(Math.min(...phase.result.windows))}–${Math.round(Math.max(...phase.result.windows))}`
        : "–",
      phase.drain ? `${phase.drain.seconds} s` : "–",
      perSecond(phase.processedPerSecond),
      ms(phase.result.ack.p50),
      ms(phase.result.ack.p99),
      phase.sockets ? ms(phase.sockets.p50) : "–",
      phase.sockets ? ms(phase.sockets.p95) : "–",
      phase.sockets ? ms(phase.sockets.p99) : "–",
      phase.verdict ? String(phase.verdict.lost) : "–",
      phase.verdict ? String(phase.verdict.duplicated) : "–",
      String(phase.result.failed + (phase.drain?.failedBodies ?? 0) + phase.result.acknowledgedUnprocessed),
      load(phase.load),
    ]),
  ];
  const cpu = [
    ["phase", "CPU server", "postgres", "bench", "others", "CPU ms/event: server", "postgres", "bench"],
    ...phases.map((phase) => [
      phase.name,
      phase === report.baseline ? "–" : percent(phase.cpu.server),
      percent(phase.cpu.postgres),
      percent(phase.cpu.bench),
      percent(phase.cpu.others),
      phase === report.baseline ? "–" : String(phase.cpuMsPerEvent.server),
      String(phase.cpuMsPerEvent.postgres),
      String(phase.cpuMsPerEvent.bench),
    ]),
  ];
  const database = [
    [
      "phase",
      "queued p50 / p95",
      "stmts/event",
      "db exec ms/event",
      "plan ms/event",
      "conns executing",
      "idle in tx",
      "lock wait",
      "pool full",
    ],
    ...phases
      .filter((phase) => phase !== report.floor)
      .map((phase) => [
        phase.name,
        phase.queued ? `${ms(phase.queued.p50)} / ${ms(phase.queued.p95)}` : "–",
        String(phase.statements.statementsPerEvent),
        String(phase.statements.dbMsPerEvent),
        String(phase.statements.planMsPerEvent),
        String(phase.connections.executing),
        String(phase.connections.idleInTransaction),
        String(phase.connections.lockWaiting),
        `${phase.connections.poolSaturated}%`,
      ]),
  ];

  const { machine } = report;
  console.log(
    `\nSwitchboard ingest benchmark — ${report.startedAt}, ${machine.cores} cores, pool ${options.pool}, commit ${machine.commit}, load averages ${load(machine.loadAtStart)} at the start, ${load(machine.loadAtEnd)} at the end`,
  );
  console.log(
    'The machine may be shared: each phase shows the load averages (1/5/15 min) as it ended and the CPU others used ("others" below).',
  );
  console.log(table(rows));
  const { throughputVsBaseline, statementsVsBaseline, throughputVsFloor } = report.ratios;
  if (throughputVsBaseline !== null) {
    console.log(
      `Switchboard/baseline throughput (processed): ${throughputVsBaseline}  (statements per event: ${statementsVsBaseline}× the baseline's)`,
    );
  }
  if (throughputVsFloor !== null) {
    console.log(
      `Switchboard/route floor throughput: ${throughputVsFloor}  (the floor answers the same POSTs 401 at the signature check: HTTP + body + HMAC, no database)`,
    );
  }
  for (const [index, phase] of report.latency.entries()) {
    const rate = options.rates[index]!;
    if (phase.result.skipped) {
      console.log(
        `${phase.name}: ${phase.result.skipped} of ${Math.floor(rate * options.latencySeconds)} events not sent: the server was more than 2 s of events behind`,
      );
    }
    if (phase.sockets?.missing) console.log(`${phase.name}: ${phase.sockets.missing} socket events never seen`);
  }
  console.log(
    `phase A socket p50/p99 under saturation: ${ms(report.throughput.sockets?.p50 ?? NaN)} / ${ms(report.throughput.sockets?.p99 ?? NaN)}`,
  );
  if (report.statsCompare)
    console.log(
      `statistics triggers disabled for ${report.statsCompare.without.map((phase) => `"${phase.name}"`).join(", ")}: ${report.statsCompare.triggers.join(", ")}`,
    );
  console.log(
    "\nWhere the time goes: CPU as % of one core, and CPU time per processed event (bench = load generator, or the baseline's client)",
  );
  console.log(table(cpu));
  console.log(
    "\nDatabase: how long bodies waited for their batch, statements per event (pg_stat_statements) and the app's connections (means of 20 ms pg_stat_activity samples)",
  );
  console.log(table(database));
  if (report.poolSweep.length) {
    console.log("\nDATABASE_POOL_SIZE sweep (phase A load, same run)");
    console.log(
      table([
        [
          "pool",
          "events/s",
          "ack p99",
          "CPU server",
          "postgres",
          "others",
          "server ms/event",
          "conns executing",
          "idle in tx",
          "pool full",
        ],
        ...report.poolSweep.map((run) => [
          String(run.pool),
          perSecond(run.eventsPerSecond),
          ms(run.ackP99),
          percent(run.cpu.server),
          percent(run.cpu.postgres),
          percent(run.cpu.others),
          String(round((run.cpu.server * 10) / Math.max(1e-9, run.eventsPerSecond), 2)),
          String(run.connections.executing),
          String(run.connections.idleInTransaction),
          `${run.connections.poolSaturated}%`,
        ]),
      ]),
    );
  }
  for (const phase of [report.throughput, report.latency[0]].filter((phase) => phase !== undefined)) {
    console.log(`\nMost frequent statements per event (${phase.name}): calls per event × mean execution + planning time`);
    for (const statement of phase.statements.top.slice(0, 10)) {
      const times = `${String(statement.meanMs).padStart(6)} + ${String(statement.meanPlanMs).padStart(6)} ms`;
      console.log(`  ${String(statement.perEvent).padStart(6)} × ${times}  ${statement.query}`);
    }
  }
  if (report.serverCpuProfile) {
    const profile = report.serverCpuProfile;
    console.log(
      `\nServer main thread during phase A (V8 profile): ${profile.busyPercent}% busy, ${profile.busyMsPerEvent} ms per event; by package (native and Node-internal frames charged to their caller)`,
    );
    console.log(table(profile.byPackage.map((entry) => [`  ${entry.name}`, `${entry.percent}%`])));
    console.log("Busiest functions");
    console.log(table(profile.topFunctions.slice(0, 12).map((entry) => [`  ${entry.name}`, entry.where, `${entry.percent}%`])));
  }
  for (const phase of phases) {
    const errors = Object.entries(phase.result.errors);
    if (errors.length) console.log(`\n${phase.name} errors: ${errors.map(([reason, count]) => `${count}× ${reason}`).join("; ")}`);
  }
  console.log("\nTargets");
  for (const target of report.targets) console.log(`  ${target.met ? "met    " : "MISSED "} ${target.name}: ${target.value}`);
}
