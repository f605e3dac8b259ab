// The one entry point: configuration, database (embedded unless DATABASE_URL is set) and migrations,
// then Next.js, socket.io and the job workers on a single port.
import "./lib/config/load-env";
import { createServer } from "node:http";
import next from "next";
import { checkConfig, config } from "./lib/config";
import { describeConfig } from "./lib/config/schema";
import { sealLegacyChain } from "./lib/audit/seal-legacy-chain";
import { grantJobQueueToAppRole } from "./lib/db/app-role";
import { bootstrapDatabase } from "./lib/db/bootstrap";
import { ensureConfiguredPage } from "./lib/channels/ensure-configured-page";
import { ensureConfiguredChannel } from "./lib/conversations/ensure-configured-channel";
import { offerFirstRunSetup } from "./lib/users/offer-setup";
import { CLIENT_ADDRESS_HEADER } from "./lib/http/client-address";
import { db, disconnectDb } from "./lib/db/client";
import { enqueueTemplateSync, scheduleTemplateSync, startQueue, stopQueue } from "./lib/jobs/queue";
import { startWorkers } from "./lib/jobs/workers";
import { startSendSweeper } from "./lib/jobs/send-sweeper";
import { startStatsFold } from "./lib/stats/stats-fold-loop";
import { attachRedisAdapter } from "./lib/realtime/redis-adapter";
import { attachSocketServer } from "./lib/realtime/socket-server";
import { closeWebhookLog } from "./lib/webhooks/log-webhook-body";
import { serveWebhookPost, webhookPostSource } from "./lib/webhooks/serve-webhook-post";
import { startWebhookProcessor } from "./lib/webhooks/webhook-processor";
import { seedDemo } from "./prisma/seed";

const checked = checkConfig();
if (!checked.ok) {
  for (const problem of checked.problems) console.error(`Configuration error: ${problem}`);
  console.error('Switchboard did not start. See .env.example and the README\'s "Going live" section.');
  process.exit(1);
}
const settings = config();
console.log(
  `configuration:\n${describeConfig(settings)
    .map((line) => `  ${line}`)
    .join("\n")}`,
);
if (settings.production && settings.whatsapp.mode === "simulator") {
  console.warn("WHATSAPP_MODE=simulator: customers are simulated and the simulator is open to anyone. Use cloud mode for real traffic.");
}

const started = Date.now();
const dev = !settings.production;
const { port, host: hostname } = settings;

const database = await bootstrapDatabase();
await sealLegacyChain();
// A fresh development database gets the demo, so the first look shows a living inbox; production
// gets it only when asked for.
const wantsDemo = settings.seedDemo || (dev && database.embedded);
if (wantsDemo && (await db.user.count()) === 0) {
  await seedDemo();
  console.log("seeded the demo: sign in as agent@example.com / switchboard");
}
await ensureConfiguredChannel();
await ensureConfiguredPage();
await offerFirstRunSetup();

// The app lives beside this file, wherever Switchboard was started from.
const app = next({ dev, dir: import.meta.dirname, hostname, port, turbopack: dev });
await app.prepare();
const handleRequest = app.getRequestHandler();
const handleUpgrade = app.getUpgradeHandler();

const server = createServer((request, response) => {
  // Webhook POSTs are answered here, ahead of Next's router, whose cost per request was the
  // ceiling at Meta's rates (docs/architecture.md, "Webhooks in"); everything else goes to Next.
  const webhookSource = webhookPostSource(request);
  if (webhookSource) return void serveWebhookPost(request, response, webhookSource);
  // The peer's address, for the sign-in limits; whatever a client sent under this name is replaced.
  request.headers[CLIENT_ADDRESS_HEADER] = request.socket.remoteAddress ?? "unknown";
  void handleRequest(request, response);
});
const io = attachSocketServer(server);
const closeRedis = settings.redisUrl ? await attachRedisAdapter(io, settings.redisUrl) : null;
// socket.io answers its own upgrades; everything else (Next's dev reload socket) goes to Next.
server.on("upgrade", (request, socket, head) => {
  if (!request.url?.startsWith("/socket.io")) void handleUpgrade(request, socket, head);
});

const boss = await startQueue({ connectionString: database.url });
await grantJobQueueToAppRole({ ownerUrl: database.url });
await startWorkers(boss);
const stopStatsFold = startStatsFold();
const stopSendSweeper = startSendSweeper();
// Bodies logged before a restart are processed now; new ones as they arrive.
const stopWebhookProcessor = startWebhookProcessor();
await scheduleTemplateSync();

server.listen(port, hostname, () => {
  console.log(
    `Switchboard ready on ${settings.publicUrl} (${dev ? "development" : "production"}, ${settings.whatsapp.mode} mode, ${Date.now() - started} ms)`,
  );
  // Once listening, since in simulator mode the Graph API answering it is this very server.
  void enqueueTemplateSync().catch((error) => console.error("[templates] could not queue the start-up sync", error));
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down`);
  io.close();
  await closeRedis?.();
  server.close();
  await stopWebhookProcessor().catch(() => undefined);
  await closeWebhookLog().catch(() => undefined);
  await stopStatsFold().catch(() => undefined);
  await stopSendSweeper().catch(() => undefined);
  await stopQueue().catch(() => undefined);
  await app.close().catch(() => undefined);
  await disconnectDb().catch(() => undefined);
  await database.embedded?.stop().catch(() => undefined);
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
