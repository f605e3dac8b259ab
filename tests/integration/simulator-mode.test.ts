import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServerProcess } from "../../scripts/lib/server-process";
import { signBody } from "@/lib/whatsapp/signature";
import { scratchDatabase } from "../support/scratch-database";
import { startServer } from "../support/stack";

// In cloud mode the simulator does not exist: its page and every one of its routes answer 404, and
// webhooks are checked against the configured app secret, never the simulator's public one. The
// server gets a database of its own and a Graph API address where nothing listens.

const APP_SECRET = "cloud-mode-app-secret";
let server: ServerProcess;
let database: Awaited<ReturnType<typeof scratchDatabase>>;

beforeAll(async () => {
  database = await scratchDatabase("switchboard_cloud");
  server = await startServer({
    databaseUrl: database.url,
    logName: "cloud-mode-server.log",
    env: {
      WHATSAPP_MODE: "cloud",
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_ACCESS_TOKEN: "cloud-access-token",
      WHATSAPP_VERIFY_TOKEN: "cloud-verify-token",
      WHATSAPP_GRAPH_URL: "http://127.0.0.1:9/v23.0",
      SEED_DEMO: "false",
    },
  });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

describe("cloud mode", () => {
  it.each([
    ["GET", "/simulator"],
    ["GET", "/api/simulator/customers"],
    ["GET", "/api/simulator/customers/491700000001"],
    ["PATCH", "/api/simulator/customers/491700000001"],
    ["GET", "/api/simulator/customers/491700000001/messages"],
    ["POST", "/api/simulator/customers/491700000001/messages"],
    ["GET", "/api/simulator/customers/491700000001/media/123456789012"],
    ["GET", "/api/simulator/media/123456789012/download"],
    ["GET", "/api/simulator/graph/v23.0/me"],
    ["POST", "/api/simulator/graph/v23.0/1/messages"],
    ["DELETE", "/api/simulator/graph/v23.0/1/block_users"],
  ])("%s %s answers 404", async (method, path) => {
    const body = method === "GET" ? undefined : JSON.stringify({ text: "hello", name: "Someone" });
    const response = await fetch(`${server.baseUrl}${path}`, {
      method,
      body,
      headers: body ? { "content-type": "application/json", authorization: "Bearer simulator-access-token" } : {},
    });
    expect(response.status).toBe(404);
  });

  it("refuses a webhook signed with the simulator's public secret and accepts the configured one", async () => {
    const body = JSON.stringify({ object: "whatsapp_business_account", entry: [{ id: "1", changes: [] }] });
    const post = (secret: string) =>
      fetch(`${server.baseUrl}/api/webhooks/whatsapp`, {
        method: "POST",
        body,
        headers: { "content-type": "application/json", "x-hub-signature-256": signBody(body, secret) },
      });
    expect((await post("switchboard-simulator-app-secret")).status).toBe(401);
    expect((await post(APP_SECRET)).status).toBe(200);
  });

  it("checks the verify token it was given", async () => {
    const verify = (token: string) =>
      fetch(`${server.baseUrl}/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=42`);
    expect((await verify("switchboard-verify-token")).status).toBe(403);
    const accepted = await verify("cloud-verify-token");
    expect(accepted.status).toBe(200);
    expect(await accepted.text()).toBe("42");
  });
});
