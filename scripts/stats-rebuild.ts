// npm run stats:rebuild — recomputes the statistics' rollups from the messages themselves, in the
// database server.ts would use (docs/architecture.md, "Statistics"). Safe while Switchboard runs:
// writes go on, and the dashboards wait for it to finish.
import "../lib/config/load-env";
import pg from "pg";
import { bootstrapDatabase } from "../lib/db/bootstrap";
import { rebuildStats } from "../lib/stats/rebuild-stats";

const started = Date.now();
const database = await bootstrapDatabase();
const client = new pg.Client({ connectionString: database.url, application_name: "switchboard-stats-rebuild" });
await client.connect();
try {
  const result = await rebuildStats(client, {
    truncate: true,
    onStep: (step, ms, rows) => console.log(`${step}: ${rows.toLocaleString("en-US")} rows (${(ms / 1000).toFixed(1)} s)`),
  });
  for (const table of ["MessageRollup", "MessageLatencyRollup", "ConversationRollup", "ConversationLatencyRollup"])
    await client.query(`VACUUM (ANALYZE) "${table}"`);
  console.log(
    `rebuilt the statistics from ${result.messages.toLocaleString("en-US")} outbound messages: ` +
      `${result.rows.toLocaleString("en-US")} rollup rows, ${result.latencyRows.toLocaleString("en-US")} latency rows ` +
      `(${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
} finally {
  await client.end();
  await database.embedded?.stop();
}
