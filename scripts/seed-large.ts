// npm run seed:large — 100,000 conversations and about 1,000,000 messages in the demo channel of the
// database server.ts would use, for measuring the inbox at a realistic size (npm run bench:inbox).
// Idempotent: when the set is there it says so and stops; an interrupted run carries on where it
// stopped. --conversations=<n> seeds a smaller set, --messages=<n> about n messages (10 per conversation
// on average: --messages=10000000 makes 10 M), --days=<n> spreads them over n days (default 3; the
// statistics' benchmark uses 90). The timestamps are relative to the seed run: after a day, no window
// is open any more. Rows go in set-based, generated inside PostgreSQL (no rows cross the wire),
// with triggers off; the statistics' rollups are then rebuilt from the messages in one pass.
import "../lib/config/load-env";
import pg from "pg";
import { config } from "../lib/config";
import { bootstrapDatabase } from "../lib/db/bootstrap";
import { db, disconnectDb } from "../lib/db/client";
import { rebuildStats } from "../lib/stats/rebuild-stats";
import { seedDemo } from "../prisma/seed";
import { insertBatch, WA_ID_PREFIX, type BatchContext } from "./seed-large/insert-batch";
import { labelNames, statsAgentNames, teamNames } from "./seed-large/words";

const argument = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split("=")[1];
const messagesOption = argument("messages");
const CONVERSATIONS = messagesOption ? Math.ceil(Number(messagesOption) / 10) : Number(argument("conversations") ?? 100_000);
const DAYS = Number(argument("days") ?? 3);
if (!Number.isInteger(DAYS) || DAYS < 1 || DAYS > 400) throw new Error("--days=<n> takes a whole number of days, 1 to 400");
const BATCH = 5_000;
if (!Number.isInteger(CONVERSATIONS) || CONVERSATIONS < 1)
  throw new Error("--conversations=<n> and --messages=<n> take a positive whole number");

const started = Date.now();
const database = await bootstrapDatabase();
await seedDemo();

const client = new pg.Client({ connectionString: database.url, application_name: "switchboard-seed-large" });
await client.connect();
try {
  const context = await prepare();
  const done = await countLargeContacts(context.channelId);
  if (done >= CONVERSATIONS) {
    console.log(
      `the large set is already there (${done.toLocaleString("en-US")} contacts with numbers ${WA_ID_PREFIX}…): nothing to do (${elapsed()})`,
    );
  } else {
    if (done > 0) console.log(`carrying on after ${done.toLocaleString("en-US")} conversations from an earlier run`);
    await seed(context, done);
  }
} finally {
  await client.end();
  await disconnectDb();
  await database.embedded?.stop();
}

async function prepare(): Promise<BatchContext> {
  const phoneNumberId = config().whatsapp.phoneNumberId;
  const channel = await db.channel.findUniqueOrThrow({ where: { phoneNumberId }, include: { inbox: true } });
  const agents = await Promise.all(
    ["agent@example.com", "agent2@example.com"].map((email) =>
      db.user.findUniqueOrThrow({ where: { email }, select: { id: true, passwordHash: true } }),
    ),
  );
  // More agents for the statistics, with the demo agent's password, members of the channel.
  for (const [index, name] of statsAgentNames.entries()) {
    const email = `large-agent-${index + 1}@example.com`;
    const user = await db.user.upsert({
      where: { email },
      update: {},
      create: { email, name, passwordHash: agents[0]!.passwordHash, role: "AGENT" },
      select: { id: true, passwordHash: true },
    });
    await db.inboxMember.upsert({
      where: { inboxId_userId: { inboxId: channel.inbox!.id, userId: user.id } },
      update: {},
      create: { inboxId: channel.inbox!.id, userId: user.id },
    });
    agents.push(user);
  }
  const labels = [];
  for (const label of labelNames) labels.push(await db.label.upsert({ where: { name: label.name }, update: {}, create: label }));
  const teams = [];
  for (const name of teamNames) teams.push(await db.team.upsert({ where: { name }, update: {}, create: { name } }));
  return {
    channelId: channel.id,
    agentIds: agents.map((agent) => agent.id),
    teamIds: teams.map((team) => team.id),
    labelIds: labels.map((label) => label.id),
    now: new Date(),
    days: DAYS,
  };
}

async function countLargeContacts(channelId: string): Promise<number> {
  const { rows } = await client.query<{ count: string }>(
    `SELECT count(*) FROM "Contact" WHERE "channelId" = $1 AND left("waId", ${WA_ID_PREFIX.length}) = $2`,
    [channelId, WA_ID_PREFIX],
  );
  return Number(rows[0]!.count);
}

async function seed(context: BatchContext, done: number) {
  // This session's own commits need not wait for the disk: a crash loses at most the last batch,
  // which the next run inserts again.
  await client.query("SET synchronous_commit = off");
  // The rows are generated consistent; the statistics' triggers would only record changes the
  // rebuild below counts in one pass anyway.
  await client.query("SET session_replication_role = replica");
  let messages = 0;
  for (let from = done + 1; from <= CONVERSATIONS; from += BATCH) {
    const to = Math.min(CONVERSATIONS, from + BATCH - 1);
    const batch = await insertBatch(client, { from, to, context });
    messages += batch.messages;
    console.log(
      `${to.toLocaleString("en-US")} / ${CONVERSATIONS.toLocaleString("en-US")} conversations, ${messages.toLocaleString("en-US")} messages (${elapsed()})`,
    );
  }
  await client.query("SET session_replication_role = origin");
  console.log(`statistics: rebuilding the rollups … (${elapsed()})`);
  const rebuilt = await rebuildStats(client, {
    truncate: true,
    onStep: (step, ms, rows) => console.log(`statistics: ${step}: ${rows.toLocaleString("en-US")} rows (${(ms / 1000).toFixed(1)} s)`),
  });
  console.log(
    `statistics: ${rebuilt.rows.toLocaleString("en-US")} rollup rows from ${rebuilt.messages.toLocaleString("en-US")} outbound messages (${elapsed()})`,
  );
  console.log("vacuum and analyze …");
  for (const table of [
    "Contact",
    "Conversation",
    "ConversationLabel",
    "Message",
    "ConversationEvent",
    "MessageRollup",
    "MessageLatencyRollup",
    "ConversationRollup",
    "ConversationLatencyRollup",
  ])
    await client.query(`VACUUM (ANALYZE) "${table}"`);
  console.log(
    `done: ${(CONVERSATIONS - done).toLocaleString("en-US")} conversations, ${messages.toLocaleString("en-US")} messages in ${elapsed()}`,
  );
}

function elapsed(): string {
  return `${((Date.now() - started) / 1000).toFixed(1)} s`;
}
