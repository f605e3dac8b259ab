// npm run bench:inbox — how fast the inbox answers at 100,000 conversations and 1,000,000 messages:
// every list filter, search, one conversation and a thread through HTTP against the production
// build, the same calls in-process and as bare SQL, EXPLAIN ANALYZE of the slowest, and the
// inbox page's first-load JavaScript. Needs `npm run seed:large` first; uses the same database.
// Options: npm run bench:inbox -- --help. Results: bench-results/inbox-<timestamp>.json.
import "../../lib/config/load-env";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { bootstrapDatabase } from "../../lib/db/bootstrap";
import { signInCookie as signIn } from "../lib/sign-in";
import { distDir, ensureBuild, root } from "./ingest/stack";
import { summarize, round } from "./ingest/stats";
import { firstLoadJs, loadInBrowser } from "./inbox/bundle";
import { buildCases, casePath, loadFixtures, type Case } from "./inbox/cases";
import { runCase } from "./inbox/http-load";
import { parseOptions } from "./inbox/options";
import { printBundle, printCases, printExplain, type CaseReport } from "./inbox/report";
import { newerThanBuild, startServer } from "./inbox/server";
import { explainCase, installCapturingClient, timeSql } from "./inbox/sql-timing";

const options = parseOptions(process.argv.slice(2));
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const resultsDir = path.join(root, "bench-results");
mkdirSync(resultsDir, { recursive: true });
const serverLog = path.join(resultsDir, `inbox-${stamp}-server.log`);

const cleanups: (() => Promise<void>)[] = [];
async function cleanUp() {
  while (cleanups.length) await cleanups.pop()!().catch((error) => console.error("cleanup:", error));
}
process.once("SIGINT", () => void cleanUp().then(() => process.exit(130)));

async function main() {
  const database = await bootstrapDatabase();
  cleanups.push(async () => void (await database.embedded?.stop()));
  const client = new pg.Client({ connectionString: database.url, application_name: "switchboard-bench-inbox" });
  await client.connect();
  cleanups.push(() => client.end());

  const fixtures = await loadFixtures(client, Math.max(options.requests + options.warmup, 50));
  if (!fixtures) {
    console.error(`The database at ${redact(database.url)} lacks the large data set: run "npm run seed:large" first.`);
    process.exitCode = 1;
    return;
  }

  await ensureBuild({ force: options.build });
  const stale = newerThanBuild();
  if (stale.length) {
    console.warn(
      `⚠ ${stale.length} source files changed after the ${distDir} build (${stale.slice(0, 3).join(", ")}${stale.length > 3 ? ", …" : ""}): pass --build to measure them`,
    );
  }
  const bundle = firstLoadJs();

  const server = await startServer({ databaseUrl: database.url, logPath: serverLog });
  cleanups.push(server.stop);
  console.log(`server up at ${server.baseUrl}; log: ${path.relative(root, serverLog)}`);
  const cookie = await signIn(server.baseUrl, "agent@example.com");
  const cases = buildCases(fixtures, await cursorPagesDeep(server.baseUrl, cookie, 5)).filter(
    (item) => !options.only.length || options.only.includes(item.name),
  );

  // Other processes on the machine skew absolute figures: the load average says how much.
  const loadAverage = { atStart: os.loadavg()[0]!, atEnd: NaN, cpus: os.cpus().length };
  const floorRun = await runCase({
    baseUrl: server.baseUrl,
    cookie,
    item: healthCase,
    requests: options.requests,
    concurrency: 1,
    maxSeconds: options.maxSeconds,
  });
  const floor = summarize(floorRun.latencies);
  const reports: CaseReport[] = [];
  for (const item of cases) {
    process.stdout.write(`${item.name} … `);
    const common = { baseUrl: server.baseUrl, cookie, item, maxSeconds: options.maxSeconds };
    await runCase({ ...common, requests: options.warmup, concurrency: 1, offset: options.requests });
    const sequential = await runCase({ ...common, requests: options.requests, concurrency: 1 });
    const concurrent = await runCase({ ...common, requests: options.requests, concurrency: options.concurrency });
    const report: CaseReport = {
      name: item.name,
      path: casePath(item, 0),
      sequential: { ...summarize(sequential.latencies), errors: sequential.errors, truncated: sequential.truncated },
      concurrent: {
        ...summarize(concurrent.latencies),
        errors: concurrent.errors,
        truncated: concurrent.truncated,
        requestsPerSecond: round(concurrent.latencies.length / concurrent.seconds, 1),
      },
      firstError: sequential.firstError ?? concurrent.firstError,
      timing: null,
      vsFloor: 0,
    };
    report.vsFloor = round(report.sequential.p50 / floor.p50, 2);
    reports.push(report);
    console.log(
      `p50 ${report.sequential.p50} ms, p95 ${report.sequential.p95} ms${report.firstError ? `; error: ${report.firstError}` : ""}`,
    );
  }
  const browser = options.browser ? await loadInBrowser({ baseUrl: server.baseUrl, cookie }) : null;
  await server.stop();

  // Without the server running: the lib calls and bare SQL have the machine to themselves.
  let explained: { name: string; plans: Awaited<ReturnType<typeof explainCase>> } | null = null;
  const slowPlans: Record<string, { ms: number; plan: string }> = {};
  if (options.sql) {
    const disconnect = installCapturingClient(database.url);
    cleanups.push(disconnect);
    for (const [index, item] of cases.entries()) {
      reports[index]!.timing = await timeSql({ item, userId: fixtures.userId, client, reps: options.sqlReps });
      const [slowest] = await explainCase({ item, userId: fixtures.userId, client });
      if (slowest) slowPlans[item.name] = { ms: slowest.ms, plan: slowest.plan };
    }
    const worst = reports.reduce((a, b) => (b.sequential.p95 > a.sequential.p95 ? b : a));
    const worstCase = cases.find((item) => item.name === worst.name)!;
    explained = { name: worst.name, plans: await explainCase({ item: worstCase, userId: fixtures.userId, client }) };
  }

  loadAverage.atEnd = os.loadavg()[0]!;
  printCases(reports, { concurrency: options.concurrency, floor });
  console.log(
    `load average (1 min) ${loadAverage.atStart.toFixed(1)} at the start, ${loadAverage.atEnd.toFixed(1)} at the end, on ${loadAverage.cpus} CPUs`,
  );
  if (explained) printExplain(explained.name, explained.plans);
  printBundle(bundle, browser);

  const file = path.join(resultsDir, `inbox-${stamp}.json`);
  const result = {
    startedAt: stamp,
    options,
    loadAverage,
    floor,
    cases: reports,
    explain: explained,
    slowestPlanPerCase: slowPlans,
    bundle,
    browser,
  };
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nresults: ${path.relative(root, file)}`);
}

const healthCase: Case = { name: "health", kind: "path", path: "/api/health" };

/** The cursor an agent holds after scrolling `pages` pages down the default list. */
async function cursorPagesDeep(baseUrl: string, cookie: string, pages: number): Promise<string> {
  let cursor: string | null = null;
  for (let page = 0; page < pages; page++) {
    const response = await fetch(`${baseUrl}/api/conversations${cursor ? `?cursor=${cursor}` : ""}`, { headers: { cookie } });
    const body = (await response.json()) as { nextCursor: string | null };
    if (!body.nextCursor) throw new Error(`the list ended after ${page + 1} pages`);
    cursor = body.nextCursor;
  }
  return cursor!;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

try {
  await main();
} finally {
  await cleanUp();
}
