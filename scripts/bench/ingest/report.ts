import type { CpuProfileSummary } from "./cpu-profile";
import type { Options } from "./options";
import type { PhaseReport } from "./phase";
import { ms, percent, perSecond, round, table } from "./stats";

// The end-of-run table (the JSON file holds the same figures and more).

export type RunReport = {
  startedAt: string;
  machine: { cores: number; node: string; commit: string };
  options: Options;
  throughput: PhaseReport;
  latency: PhaseReport | null;
  floor: PhaseReport | null;
  baseline: PhaseReport | null;
  poolSweep: { pool: number; eventsPerSecond: number; ackP99: number; cpu: PhaseReport["cpu"]; connections: PhaseReport["connections"] }[];
  serverCpuProfile: CpuProfileSummary | null;
  ratios: { throughputVsBaseline: number | null; statementsVsBaseline: number | null; throughputVsFloor: number | null };
  targets: { name: string; met: boolean; value: string }[];
};

export function targetsOf(report: Omit<RunReport, "targets">): RunReport["targets"] {
  const a = report.throughput;
  const b = report.latency;
  const all = [a, b, report.baseline].filter((phase): phase is PhaseReport => phase !== null);
  return [
    { name: "≥ 1,000 events/s sustained", met: a.result.eventsPerSecond >= 1000, value: perSecond(a.result.eventsPerSecond) },
    { name: "ack p99 < 100 ms (phase A)", met: a.result.ack.p99 < 100, value: ms(a.result.ack.p99) },
    ...(b?.sockets
      ? [
          {
            name: "webhook→socket p95 < 50 ms at the fixed rate",
            met: b.sockets.p95 < 50 && b.sockets.missing === 0 && !b.result.skipped,
            value: `${ms(b.sockets.p95)}${b.result.skipped ? `, ${b.result.skipped} events skipped` : ""}`,
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

export function printReport(report: RunReport): void {
  const { options } = report;
  const phases = [report.throughput, report.latency, report.floor, report.baseline].filter((phase): phase is PhaseReport => phase !== null);
  const load = (phase: PhaseReport) =>
    phase === report.latency
      ? `${options.rate}/s open loop, ${options.latencySeconds} s`
      : `${options.concurrency} clients, ${round(phase.result.seconds, 0)} s`;
  const rows = [
    ["phase", "load", "events/s", "5 s windows", "ack p50", "ack p99", "socket p50", "p95", "p99", "lost", "dup", "errors", "200 FAILED"],
    ...phases.map((phase) => [
      phase.name,
      load(phase),
      perSecond(phase.result.eventsPerSecond),
      phase.result.windows.length > 1
        ? `${Math.round(Math.min(...phase.result.windows))}–${Math.round(Math.max(...phase.result.windows))}`
        : "–",
      ms(phase.result.ack.p50),
      ms(phase.result.ack.p99),
      phase.sockets ? ms(phase.sockets.p50) : "–",
      phase.sockets ? ms(phase.sockets.p95) : "–",
      phase.sockets ? ms(phase.sockets.p99) : "–",
      phase.verdict ? String(phase.verdict.lost) : "–",
      phase.verdict ? String(phase.verdict.duplicated) : "–",
      String(phase.result.failed),
      String(phase.result.acknowledgedUnprocessed),
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
    ["phase", "stmts/event", "db exec ms/event", "conns executing", "idle in tx", "lock wait", "pool full"],
    ...phases
      .filter((phase) => phase !== report.floor)
      .map((phase) => [
        phase.name,
        String(phase.statements.statementsPerEvent),
        String(phase.statements.dbMsPerEvent),
        String(phase.connections.executing),
        String(phase.connections.idleInTransaction),
        String(phase.connections.lockWaiting),
        `${phase.connections.poolSaturated}%`,
      ]),
  ];

  console.log(
    `\nSwitchboard ingest benchmark — ${report.startedAt}, ${report.machine.cores} cores, pool ${options.pool}, commit ${report.machine.commit}`,
  );
  console.log(table(rows));
  const { throughputVsBaseline, statementsVsBaseline, throughputVsFloor } = report.ratios;
  if (throughputVsBaseline !== null) {
    console.log(
      `Switchboard/baseline throughput: ${throughputVsBaseline}  (statements per event: ${statementsVsBaseline}× the baseline's)`,
    );
  }
  if (throughputVsFloor !== null) {
    console.log(
      `Switchboard/route floor throughput: ${throughputVsFloor}  (the floor answers the same POSTs 401 at the signature check: Next.js + body + HMAC, no database)`,
    );
  }
  if (report.latency?.result.skipped) {
    console.log(
      `phase B: ${report.latency.result.skipped} of ${Math.floor(options.rate * options.latencySeconds)} events not sent: the server was more than 2 s of events behind`,
    );
  }
  if (report.latency?.sockets) {
    console.log(
      `socket events never seen (phase B): ${report.latency.sockets.missing}; phase A socket p50/p99 under saturation: ${ms(report.throughput.sockets?.p50 ?? NaN)} / ${ms(report.throughput.sockets?.p99 ?? NaN)}`,
    );
  }
  console.log(
    "\nWhere the time goes: CPU as % of one core, and CPU time per processed event (bench = load generator, or the baseline's client)",
  );
  console.log(table(cpu));
  console.log("\nDatabase: statements per event (pg_stat_statements) and the app's connections (means of 20 ms pg_stat_activity samples)");
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
  console.log("\nMost frequent statements per event (phase A)");
  for (const statement of report.throughput.statements.top.slice(0, 10)) {
    console.log(`  ${String(statement.perEvent).padStart(6)} × ${String(statement.meanMs).padStart(6)} ms  ${statement.query}`);
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
