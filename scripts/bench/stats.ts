// npm run bench:stats — every dashboard query over 90 days through HTTP against the production
// build (p50 / p95 of sequential requests), each printed beside the same answer computed by bare
// SQL over the raw tables in the same run, with that SQL's time. Needs the large set:
// `npm run seed:large -- --messages=1000000 --days=90` (or 10000000); uses the same database.
// Options: --requests N (default 30), --build (rebuild .next-bench first), --tz (default Asia/Kolkata).
// Results: bench-results/stats-<timestamp>.json.
import "../../lib/config/load-env";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { bootstrapDatabase } from "../../lib/db/bootstrap";
import { signInCookie as signIn } from "../lib/sign-in";
import { ensureBuild, root } from "./ingest/stack";
import { round, summarize, table } from "./ingest/stats";
import { startServer } from "./inbox/server";
import { rawBillable, rawConversations, rawFailures, rawGroups, rawOpen, rawTotals, type Range } from "./stats/raw-sql";

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    requests: { type: "string", default: "30" },
    build: { type: "boolean", default: false },
    tz: { type: "string", default: "Asia/Kolkata" },
  },
});
const REQUESTS = Number(values.requests);
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const resultsDir = path.join(root, "bench-results");
mkdirSync(resultsDir, { recursive: true });

type Json = Record<string, unknown> & { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers of many shapes
type Case = {
  name: string;
  path: string;
  method?: string;
  raw: (client: pg.Client) => Promise<{ figures: string; same: (answer: Json) => boolean }>;
};

const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= Math.max(1, 0.05 * b));
const mapOf = (groups: { key: string; sent: number }[]) => new Map(groups.map((group) => [group.key, group.sent]));
const sameMap = (a: Map<string, number>, b: Map<string, number>) =>
  [...new Set([...a.keys(), ...b.keys()])].every((key) => (a.get(key) ?? 0) === (b.get(key) ?? 0));

function cases(range: Range, tz: string): Case[] {
  const q = (extra: Record<string, string> = {}) => new URLSearchParams({ from: range.from, to: range.to, tz, ...extra }).toString();
  const totals =
    (where = "") =>
    async (client: pg.Client) => {
      const raw = await rawTotals(client, range, where);
      return {
        figures: `sent ${raw.sent} delivered ${raw.delivered} read ${raw.read} failed ${raw.failed} replied ${raw.replied} read p50 ${raw.readP50}s p90 ${raw.readP90}s`,
        same: (answer: Json) =>
          ["sent", "delivered", "read", "failed", "queued", "replied", "billable"].every(
            (key) => answer.totals[key] === raw[key as keyof typeof raw],
          ) &&
          close(answer.timeToRead.p50, raw.readP50) &&
          close(answer.timeToRead.p90, raw.readP90),
      };
    };
  const grouped =
    (key: string, join = "") =>
    async (client: pg.Client) => {
      const raw = await rawGroups(client, range, key, join);
      return {
        figures: `${raw.size} groups, sent ${[...raw.values()].reduce((a, b) => a + b, 0)}`,
        same: (answer: Json) => sameMap(mapOf(answer.groups), raw),
      };
    };
  return [
    { name: "messages: totals, series by day, previous period", path: `/api/stats/messages?${q()}`, raw: totals() },
    { name: "messages: series by hour (2,160 buckets)", path: `/api/stats/messages?${q({ bucket: "hour" })}`, raw: totals() },
    { name: "messages by agent", path: `/api/stats/messages?${q({ groupBy: "agent" })}`, raw: grouped(`m."senderId"`) },
    {
      name: "messages by template",
      path: `/api/stats/messages?${q({ groupBy: "template" })}`,
      raw: grouped(`stats_template(m.type, m.content)`),
    },
    { name: "messages by country", path: `/api/stats/messages?${q({ groupBy: "country" })}`, raw: grouped(`m."callingCode"`) },
    {
      name: "messages by label",
      path: `/api/stats/messages?${q({ groupBy: "label" })}`,
      raw: async (client) => {
        const raw = await rawGroups(
          client,
          range,
          `cl."labelId"`,
          `JOIN "ConversationLabel" cl ON cl."conversationId" = m."conversationId"`,
        );
        return { figures: `${raw.size} labels`, same: (answer: Json) => sameMap(mapOf(answer.groups), raw) };
      },
    },
    {
      name: "messages: India × template × marketing, by agent",
      path: `/api/stats/messages?${q({ country: "IN", kind: "template", category: "marketing", groupBy: "agent" })}`,
      raw: async (client) => {
        const raw = await rawGroups(
          client,
          range,
          `CASE WHEN m."callingCode" = '91' AND stats_kind(m.type, m.content) = 'template' AND lower(m."pricingCategory") = 'marketing' THEN m."senderId" END`,
        );
        raw.delete("");
        return {
          figures: `${raw.size} agents, sent ${[...raw.values()].reduce((a, b) => a + b, 0)}`,
          same: (answer: Json) => sameMap(mapOf(answer.groups), raw),
        };
      },
    },
    {
      name: "failures by code",
      path: `/api/stats/failures?${q()}`,
      raw: async (client) => {
        const raw = await rawFailures(client, range);
        return {
          figures: [...raw].map(([code, count]) => `${code}: ${count}`).join(", "),
          same: (answer: Json) => sameMap(new Map(answer.byCode.map((entry: Json) => [String(entry.code ?? "none"), entry.count])), raw),
        };
      },
    },
    {
      name: "cost by category × country",
      path: `/api/stats/cost?${q()}`,
      raw: async (client) => {
        const raw = await rawBillable(client, range);
        return { figures: `billable ${raw}`, same: (answer: Json) => answer.estimated.billable === raw };
      },
    },
    {
      name: "team: conversations",
      path: `/api/stats/conversations?${q()}`,
      raw: async (client) => {
        const raw = await rawConversations(client, range);
        return {
          figures: `opened ${raw.opened} resolved ${raw.resolved} response p50 ${raw.responseP50}s`,
          same: (answer: Json) =>
            answer.opened === raw.opened && answer.resolved === raw.resolved && close(answer.firstResponse.p50, raw.responseP50),
        };
      },
    },
    {
      name: "live now",
      path: `/api/stats/live?tz=${encodeURIComponent(tz)}`,
      raw: async (client) => {
        const open = await rawOpen(client);
        return { figures: `open ${open}`, same: (answer: Json) => answer.open === open };
      },
    },
    {
      name: "drill-down: failed messages, first page",
      path: `/api/stats/messages/list?${q({ status: "failed" })}`,
      raw: async () => ({ figures: "(a page of the raw rows)", same: (answer: Json) => answer.items.length === 50 }),
    },
  ];
}

async function time(baseUrl: string, cookie: string, item: Case): Promise<{ latencies: number[]; answer: Json }> {
  const latencies: number[] = [];
  let answer: Json = {};
  for (let index = 0; index < REQUESTS + 3; index++) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}${item.path}`, { method: item.method ?? "GET", headers: { cookie } });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${item.name}: ${response.status} ${body.slice(0, 300)}`);
    if (index >= 3) latencies.push(performance.now() - started);
    answer = JSON.parse(body) as Json;
  }
  return { latencies, answer };
}

async function main() {
  const database = await bootstrapDatabase();
  const client = new pg.Client({ connectionString: database.url, application_name: "switchboard-bench-stats" });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS messages, max("createdAt") AS newest FROM "Message"`);
    if (rows[0].messages < 100_000)
      throw new Error('The database lacks the large set: run "npm run seed:large -- --messages=1000000 --days=90" first.');
    console.log(`${rows[0].messages.toLocaleString("en-US")} messages in the database`);
    await ensureBuild({ force: values.build });
    const server = await startServer({ databaseUrl: database.url, logPath: path.join(resultsDir, `stats-${stamp}-server.log`) });
    try {
      const cookie = await signIn(server.baseUrl, "manager@example.com");
      // On 15-minute boundaries, the rollups' finest slot, so both sides count the same messages.
      const to = new Date(Math.floor(Date.now() / 900_000) * 900_000);
      const range = { from: new Date(to.getTime() - 90 * 86_400_000).toISOString(), to: to.toISOString() };
      const load = { atStart: os.loadavg()[0]!, atEnd: NaN };
      const results = [];
      for (const item of cases(range, values.tz)) {
        process.stdout.write(`${item.name} … `);
        const http = await time(server.baseUrl, cookie, item);
        const started = performance.now();
        const raw = await item.raw(client);
        const sqlMs = performance.now() - started;
        const summary = summarize(http.latencies);
        const same = raw.same(http.answer);
        results.push({
          name: item.name,
          path: item.path,
          p50: summary.p50,
          p95: summary.p95,
          sqlMs: round(sqlMs, 1),
          same,
          raw: raw.figures,
        });
        console.log(`p95 ${summary.p95} ms; bare SQL ${round(sqlMs, 0)} ms; ${same ? "same answer" : "DIFFERENT ANSWER"}`);
      }
      // The export: every outbound message of the 90 days as one streamed CSV.
      process.stdout.write("export of every message … ");
      const exportStarted = performance.now();
      const response = await fetch(
        `${server.baseUrl}/api/stats/messages/export?${new URLSearchParams({ from: range.from, to: range.to })}`,
        {
          headers: { cookie },
        },
      );
      let lines = 0;
      let firstByteMs = 0;
      const decoder = new TextDecoder();
      const reader = response.body!.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        firstByteMs ||= performance.now() - exportStarted;
        lines += decoder.decode(value, { stream: true }).split("\n").length - 1;
      }
      const exportSeconds = (performance.now() - exportStarted) / 1000;
      const { rows: counted } = await client.query(
        `SELECT count(*)::int AS count FROM "Message" WHERE direction = 'OUTBOUND' AND NOT private
           AND "createdAt" >= $1::timestamptz AT TIME ZONE 'UTC' AND "createdAt" < $2::timestamptz AT TIME ZONE 'UTC'`,
        [range.from, range.to],
      );
      const exported = {
        rows: lines - 1,
        expected: counted[0].count,
        seconds: round(exportSeconds, 1),
        firstByteMs: round(firstByteMs, 0),
      };
      console.log(
        `${exported.rows.toLocaleString("en-US")} rows (raw count ${exported.expected.toLocaleString("en-US")}) in ${exported.seconds} s, first byte after ${exported.firstByteMs} ms`,
      );
      load.atEnd = os.loadavg()[0]!;
      console.log(
        `\n${table([
          ["query (90 days, tz " + values.tz + ")", "HTTP p50", "HTTP p95", "bare SQL", "same", "bare SQL's answer"],
          ...results.map((r) => [r.name, `${r.p50} ms`, `${r.p95} ms`, `${r.sqlMs} ms`, r.same ? "yes" : "NO", r.raw]),
        ])}`,
      );
      console.log(
        `load average (1 min) ${load.atStart.toFixed(1)} at the start, ${load.atEnd.toFixed(1)} at the end, on ${os.cpus().length} CPUs`,
      );
      const file = path.join(resultsDir, `stats-${stamp}.json`);
      writeFileSync(
        file,
        `${JSON.stringify({ startedAt: stamp, messages: rows[0].messages, range, requests: REQUESTS, load, results, exported }, null, 2)}\n`,
      );
      console.log(`written to ${path.relative(root, file)}`);
      if (results.some((r) => !r.same) || exported.rows !== exported.expected) process.exitCode = 1;
    } finally {
      await server.stop();
    }
  } finally {
    await client.end();
    await database.embedded?.stop();
  }
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
process.exit(process.exitCode ?? 0);
