import { readdirSync, readFileSync } from "node:fs";
import pg from "pg";
import { round } from "./stats";

// Where the time goes during a phase, measured from outside the product: CPU per process tree
// (from /proc), statements per event (pg_stat_statements) and what the app's database connections
// are doing (pg_stat_activity sampled every 20 ms: executing, idle inside a transaction, waiting
// on a lock, or free in the pool).

const TICKS_PER_SECOND = 100;

type Ticks = Map<number, number>;

function processTable(): { pid: number; ppid: number; ticks: number; childTicks: number }[] {
  const rows = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // After "pid (comm) ": state ppid … utime(14) stime(15) cutime(16) cstime(17), 1-based in stat.
      rows.push({
        pid: Number(name),
        ppid: Number(fields[1]),
        ticks: Number(fields[11]) + Number(fields[12]),
        childTicks: Number(fields[13]) + Number(fields[14]),
      });
    } catch {
      // the process ended while we looked
    }
  }
  return rows;
}

/** CPU ticks of each process in the trees rooted at `roots`, plus what their exited children used. */
function treeTicks(roots: number[]): Ticks {
  const table = processTable();
  const children = new Map<number, number[]>();
  for (const row of table) children.set(row.ppid, [...(children.get(row.ppid) ?? []), row.pid]);
  const byPid = new Map(table.map((row) => [row.pid, row]));
  const ticks: Ticks = new Map();
  const stack = [...roots];
  while (stack.length) {
    const pid = stack.pop()!;
    const row = byPid.get(pid);
    if (!row) continue;
    ticks.set(pid, row.ticks + row.childTicks);
    stack.push(...(children.get(pid) ?? []));
  }
  return ticks;
}

function machineTicks(): { busy: number; total: number } {
  const [cpu = ""] = readFileSync("/proc/stat", "utf8").split("\n");
  const values = cpu.trim().split(/\s+/).slice(1).map(Number);
  const total = values.slice(0, 8).reduce((sum, value) => sum + value, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: total - idle, total };
}

export type CpuUsage = { server: number; postgres: number; bench: number; others: number; machine: number; cores: number };

/** Starts measuring; the returned function gives each group's CPU as % of one core. */
export function measureCpu({ serverPid, postmasterPid }: { serverPid?: number; postmasterPid: number }): () => CpuUsage {
  const snapshot = () => ({
    server: serverPid ? treeTicks([serverPid]) : new Map<number, number>(),
    postgres: treeTicks([postmasterPid]),
    bench: process.cpuUsage(),
    machine: machineTicks(),
    at: process.hrtime.bigint(),
  });
  const before = snapshot();
  return () => {
    const after = snapshot();
    const seconds = Number(after.at - before.at) / 1e9;
    const delta = (a: Ticks, b: Ticks) => {
      let sum = 0;
      for (const [pid, ticks] of b) sum += ticks - (a.get(pid) ?? 0);
      return sum / TICKS_PER_SECOND;
    };
    const server = delta(before.server, after.server);
    const postgres = delta(before.postgres, after.postgres);
    const bench = (after.bench.user + after.bench.system - before.bench.user - before.bench.system) / 1e6;
    const cores = (after.machine.total - before.machine.total) / TICKS_PER_SECOND / seconds;
    const machine = (after.machine.busy - before.machine.busy) / TICKS_PER_SECOND;
    const pct = (cpuSeconds: number) => round((cpuSeconds / seconds) * 100, 0);
    return {
      server: pct(server),
      postgres: pct(postgres),
      bench: pct(bench),
      others: pct(Math.max(0, machine - server - postgres - bench)),
      machine: pct(machine),
      cores: Math.round(cores),
    };
  };
}

export type StatementProfile = {
  statementsPerEvent: number;
  dbMsPerEvent: number;
  /** Time PostgreSQL spent planning them (statements sent unprepared are planned on every call). */
  planMsPerEvent: number;
  top: { query: string; perEvent: number; meanMs: number; meanPlanMs: number }[];
};

export async function resetStatements(client: pg.Client) {
  await client.query("SELECT pg_stat_statements_reset()");
}

/** Statements the app ran since the reset, per accepted event (pg-boss and our own queries left out). */
export async function readStatements(client: pg.Client, database: string, events: number): Promise<StatementProfile> {
  const { rows } = await client.query<{ query: string; calls: string; total: number; plan: number }>(
    `SELECT query, calls, total_exec_time AS total, total_plan_time AS plan FROM pg_stat_statements
     WHERE dbid = (SELECT oid FROM pg_database WHERE datname = $1)
       AND query !~* '(pg_stat_|pgboss|pg_database|pg_catalog|"_prisma_migrations")'
     ORDER BY calls DESC`,
    [database],
  );
  const perEvent = (value: number) => round(value / Math.max(1, events), 3);
  const calls = rows.reduce((sum, row) => sum + Number(row.calls), 0);
  const total = rows.reduce((sum, row) => sum + row.total, 0);
  const plan = rows.reduce((sum, row) => sum + row.plan, 0);
  return {
    statementsPerEvent: perEvent(calls),
    dbMsPerEvent: perEvent(total),
    planMsPerEvent: perEvent(plan),
    top: rows.slice(0, 30).map((row) => ({
      query: row.query.replace(/\s+/g, " ").slice(0, 140),
      perEvent: perEvent(Number(row.calls)),
      meanMs: round(row.total / Number(row.calls), 3),
      meanPlanMs: round(row.plan / Number(row.calls), 3),
    })),
  };
}

export type ConnectionProfile = {
  samples: number;
  /** Mean number of the app's connections in each state. */
  executing: number;
  idleInTransaction: number;
  lockWaiting: number;
  idle: number;
  /** Share of samples in which every pooled connection was busy. */
  poolSaturated: number;
};

/** Samples pg_stat_activity for the app's connections until the returned function is called. */
export async function sampleConnections(url: string, database: string, poolSize: number): Promise<() => Promise<ConnectionProfile>> {
  const client = new pg.Client({ connectionString: url, application_name: "switchboard-bench" });
  client.on("error", () => undefined); // a broken sampler only shortens the profile
  await client.connect();
  const totals = { samples: 0, executing: 0, idleInTransaction: 0, lockWaiting: 0, idle: 0, saturated: 0 };
  let running = true;
  let broken = false;
  const loop = (async () => {
    while (running && !broken) {
      const rows = await client
        .query<{ state: string | null; lock: boolean }>(
          `SELECT state, wait_event_type = 'Lock' AS lock FROM pg_stat_activity
           WHERE datname = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid()
             AND application_name NOT IN ('pgboss', 'switchboard-bench')`,
          [database],
        )
        .then((result) => result.rows)
        .catch(() => ((broken = true), []));
      if (broken) break;
      totals.samples++;
      let busy = 0;
      for (const row of rows) {
        if (row.state === "active") totals.executing++;
        else if (row.state?.startsWith("idle in transaction")) totals.idleInTransaction++;
        else totals.idle++;
        if (row.lock) totals.lockWaiting++;
        if (row.state !== "idle") busy++;
      }
      if (busy >= poolSize) totals.saturated++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return async () => {
    running = false;
    await loop;
    await client.end().catch(() => undefined);
    const mean = (value: number) => round(value / Math.max(1, totals.samples), 2);
    return {
      samples: totals.samples,
      executing: mean(totals.executing),
      idleInTransaction: mean(totals.idleInTransaction),
      lockWaiting: mean(totals.lockWaiting),
      idle: mean(totals.idle),
      poolSaturated: round((totals.saturated / Math.max(1, totals.samples)) * 100, 0),
    };
  };
}
