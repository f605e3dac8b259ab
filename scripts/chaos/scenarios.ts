import path from "node:path";
import pg from "pg";
import { channelId as findChannel, prepareConversations, prepareOutbound } from "../bench/ingest/prepare";
import { planLoad, sendAll, type SendStats } from "./load";
import { chaosSettings, root, startChaosDatabase, startChaosServer, startRedis, type ChaosServer } from "./stack";
import { countOutcome, waitUntilProcessed, type Counts } from "./verify";

// The three ways a run is broken halfway (once 40 % of the bodies are acknowledged):
//   server-kill        the only server is SIGKILLed and started again on the same database
//   database-restart   PostgreSQL stops (the server answers 503) and starts again
//   two-instances      two servers with Redis share the load and one is SIGKILLed; the other
//                      finishes, taking over what the dead one had stored but not processed
// Each run has a database of its own; the sender resends whatever was not acknowledged 200.

export const scenarioNames = ["server-kill", "database-restart", "two-instances"] as const;
export type ScenarioName = (typeof scenarioNames)[number];

export type ScenarioResult = {
  name: ScenarioName;
  counts: Counts;
  problems: string[];
  sending: SendStats;
  /** Bodies acknowledged when the run was broken, and how many of them waited to be processed. */
  struckAt: number;
  waitingAtStrike: number;
};

const STRIKE_AT = 0.4;

async function waitingBodies(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ waiting: number }>(`SELECT count(*)::int AS waiting FROM "WebhookEvent" WHERE state = 'RECEIVED'`);
  return rows[0]?.waiting ?? 0;
}

export async function runScenario({
  name,
  events,
  distDir,
  logDir = path.join(root, "test-results"),
  log = () => undefined,
}: {
  name: ScenarioName;
  events: number;
  distDir: string;
  logDir?: string;
  log?: (line: string) => void;
}): Promise<ScenarioResult> {
  const database = await startChaosDatabase(`chaos_${name.replace("-", "_")}`);
  const redis = name === "two-instances" ? await startRedis() : null;
  const servers: ChaosServer[] = [];
  const client = new pg.Client({ connectionString: database.url });
  client.on("error", () => undefined);
  const start = async (label: string) => {
    const server = await startChaosServer({
      databaseUrl: database.url,
      distDir,
      logPath: path.join(logDir, `chaos-${name}-${label}.log`),
      env: redis ? { REDIS_URL: redis.url } : {},
    });
    servers.push(server);
    log(`${name}: server ${label} up at ${server.baseUrl}`);
    return server;
  };
  try {
    await start("a");
    if (name === "two-instances") await start("b");
    await client.connect();
    const channelId = await findChannel(client, chaosSettings.phoneNumberId);
    const wamidCount = Math.ceil(events / 4);
    const conversations = await prepareConversations({ client, channelId, count: Math.max(10, Math.min(500, Math.ceil(wamidCount / 20))) });
    const outbound = await prepareOutbound({ client, channelId, conversations, tag: "X", count: wamidCount });
    const plan = planLoad({
      events,
      customers: Math.max(5, Math.min(2000, Math.ceil(events / 40))),
      outbound,
      channel: { phoneNumberId: chaosSettings.phoneNumberId, wabaId: chaosSettings.wabaId },
    });
    log(`${name}: ${plan.bodies.length} bodies (${plan.inbound.length} messages, ${plan.receipts.length} receipts, 20 % sent twice)`);

    let targets = servers.filter((server) => server.pid).map((server) => server.baseUrl);
    let struck: Promise<void> | null = null;
    let struckAt = 0;
    let waitingAtStrike = 0;
    const strike = async () => {
      // What was stored but not yet processed when the blow fell: it must come through all the same.
      waitingAtStrike = await waitingBodies(client);
      if (name === "server-kill") {
        await servers[0]!.kill();
        log(`${name}: server a killed`);
        targets = [(await start("a2")).baseUrl];
      } else if (name === "database-restart") {
        await database.stop();
        log(`${name}: PostgreSQL stopped`);
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        await client.end().catch(() => undefined);
        await database.start();
        log(`${name}: PostgreSQL started again`);
      } else {
        await servers[0]!.kill();
        targets = [servers[1]!.baseUrl];
        log(`${name}: server a killed; b carries on alone`);
      }
    };
    const sending = await sendAll({
      bodies: plan.bodies,
      targets: () => targets,
      appSecret: chaosSettings.appSecret,
      onProgress: (acknowledged) => {
        if (struck || acknowledged < plan.bodies.length * STRIKE_AT) return;
        struckAt = acknowledged;
        struck = strike();
      },
    });
    await struck;
    log(`${name}: every body acknowledged (${sending.attempts} attempts: ${JSON.stringify(sending.answers)})`);

    const verifier = new pg.Client({ connectionString: database.url });
    await verifier.connect();
    try {
      await waitUntilProcessed(verifier);
      return { name, ...(await countOutcome(verifier, channelId, plan)), sending, struckAt, waitingAtStrike };
    } finally {
      await verifier.end();
    }
  } finally {
    await client.end().catch(() => undefined);
    for (const server of servers) await server.stop().catch(() => undefined);
    await redis?.stop();
    await database.remove();
  }
}
