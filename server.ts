// The one entry point: database (embedded unless DATABASE_URL is set) and migrations, then Next.js,
// socket.io and the job workers on a single port.
import { createServer } from "node:http";
import next from "next";
import { applyEnvDefaults, usesLocalSecret } from "./lib/env";
import { bootstrapDatabase } from "./lib/db/bootstrap";
import { db, disconnectDb } from "./lib/db/client";
import { enqueueTemplateSync, scheduleTemplateSync, startQueue, stopQueue } from "./lib/jobs/queue";
import { startWorkers } from "./lib/jobs/workers";
import { useRedisAdapter } from "./lib/realtime/redis-adapter";
import { attachSocketServer } from "./lib/realtime/socket-server";
import { seedDemo } from "./prisma/seed";

applyEnvDefaults();
const started = Date.now();
const dev = process.env.NODE_ENV !== "production";
const port = Number(process.env.PORT);
const hostname = process.env.HOST ?? "0.0.0.0";

const database = await bootstrapDatabase();
// A fresh embedded database gets the demo, so the first look shows a living inbox.
if ((database.embedded || process.env.SEED_DEMO === "true") && (await db.user.count()) === 0) {
  await seedDemo();
  console.log("seeded the demo: sign in as agent@example.com / switchboard");
}
if (!dev && usesLocalSecret()) console.warn("NEXTAUTH_SECRET is the local default: set your own before going live.");

const app = next({ dev, hostname, port, turbopack: dev });
await app.prepare();
const handleRequest = app.getRequestHandler();
const handleUpgrade = app.getUpgradeHandler();

const server = createServer((request, response) => void handleRequest(request, response));
const io = attachSocketServer(server);
const closeRedis = process.env.REDIS_URL ? await useRedisAdapter(io, process.env.REDIS_URL) : null;
// socket.io answers its own upgrades; everything else (Next's dev reload socket) goes to Next.
server.on("upgrade", (request, socket, head) => {
  if (!request.url?.startsWith("/socket.io")) void handleUpgrade(request, socket, head);
});

const boss = await startQueue({ connectionString: database.url });
await startWorkers(boss);
await scheduleTemplateSync();

server.listen(port, hostname, () => {
  console.log(`Switchboard ready on http://localhost:${port} (${dev ? "development" : "production"}, ${process.env.WHATSAPP_MODE} mode, ${Date.now() - started} ms)`);
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
  await stopQueue().catch(() => undefined);
  await app.close().catch(() => undefined);
  await disconnectDb().catch(() => undefined);
  await database.embedded?.stop().catch(() => undefined);
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
