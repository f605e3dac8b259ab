// npm run chaos — the ingest's crash tests at full size: a signed load (100,000 events by default,
// 20 % of them sent twice, shuffled) while the server is SIGKILLed and restarted, while PostgreSQL
// restarts, and across two instances (Redis) one of which is killed; the sender resends whatever was
// not acknowledged 200. Prints, per run, what the database holds against what was sent. The same
// runs, small, are part of `npm test` (tests/integration/ingest-chaos.test.ts). Options: --help.
import os from "node:os";
import { parseArgs } from "node:util";
import { ensureBuild, distDir } from "./bench/ingest/stack";
import { runScenario, scenarioNames, type ScenarioName, type ScenarioResult } from "./chaos/scenarios";

const usage = `npm run chaos -- [options]

  --events N        events per run (one in four a customer's message, the rest receipts), default 100000
  --scenario NAME   ${scenarioNames.join(" | ")} | all (default)
  --build           rebuild the production app into ${distDir} first`;

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    events: { type: "string", default: "100000" },
    scenario: { type: "string", default: "all" },
    build: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const events = Number(values.events);
if (!Number.isInteger(events) || events < 40) throw new Error(`--events must be a whole number of at least 40, got "${values.events}"`);
const chosen = values.scenario === "all" ? [...scenarioNames] : [values.scenario as ScenarioName];
if (!chosen.every((name) => scenarioNames.includes(name))) throw new Error(`--scenario must be one of ${scenarioNames.join(", ")} or all`);

await ensureBuild({ force: values.build });
const load = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(" / ");
const results: ScenarioResult[] = [];
for (const name of chosen) {
  console.log(`\n${name}: ${events.toLocaleString("en-US")} events … (load averages ${load()})`);
  const result = await runScenario({ name, events, distDir, log: (line) => console.log(`  ${line}`) });
  results.push(result);
  const { counts, sending } = result;
  console.log(
    `  sent ${sending.sent} bodies in ${sending.seconds.toFixed(1)} s, ${sending.attempts} attempts, answers ${JSON.stringify(sending.answers)}; struck after ${result.struckAt} acknowledged`,
  );
  console.log(
    `  webhook log: ${counts.bodiesLogged} bodies, ${counts.bodiesFailed} failed, ${counts.bodiesRetried} retried after failing as a whole`,
  );
  console.log(
    `  messages: ${counts.messages.stored}/${counts.messages.expected} stored, ${counts.messages.missing} missing, ${counts.messages.duplicated} duplicated`,
  );
  console.log(
    `  receipts: ${counts.receipts.stored}/${counts.receipts.expected} stored, ${counts.receipts.missing} missing, ${counts.receipts.duplicated} duplicated`,
  );
  console.log(`  ticks final (read, with sent, delivered and read times): ${counts.ticksFinal.final}/${counts.ticksFinal.expected}`);
  console.log(
    `  customers: ${counts.customers.expected}, contacts ${counts.customers.contacts}, conversations ${counts.customers.conversations}, wrong unread ${counts.customers.wrongUnread}, wrong preview ${counts.customers.wrongPreview}`,
  );
  console.log(
    `  ${result.problems.length ? `PROBLEMS: ${result.problems.join("; ")}` : "exactly once: nothing lost, nothing doubled"} (load averages ${load()})`,
  );
}
const failed = results.filter((result) => result.problems.length);
process.exit(failed.length ? 1 : 0);
