import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { signBody } from "@/lib/whatsapp/signature";
import { fixture } from "../support/http";
import { freePort, settings, startServer } from "../support/stack";

// With its database gone, Switchboard must not swallow a webhook: it answers 503 so Meta delivers
// it again later, and it takes the redelivery once the database is back.

const dataDir = mkdtempSync(path.join(os.tmpdir(), "switchboard-db-down-"));
let port: number;
let database: EmbeddedDatabase;
let server: { baseUrl: string; stop: () => Promise<void> };

beforeAll(async () => {
  chmodSync(dataDir, 0o755);
  port = await freePort();
  database = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port, database: "switchboard_down" });
  server = await startServer({ databaseUrl: database.url, logName: "database-down.log" });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await database?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function post(body: unknown) {
  const raw = JSON.stringify(body);
  return fetch(`${server.baseUrl}/api/webhooks/whatsapp`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-hub-signature-256": signBody(raw, settings.appSecret) },
    body: raw,
  });
}

describe("when the database is down", () => {
  it("answers 503 to webhooks and health checks, and accepts the redelivery once it is back", async () => {
    const body = fixture("wa-inbound-text.json", { unique: `down-${Date.now()}` });
    // fixture() addresses the suite's channel; this server seeds the same phone number id.
    expect(inject("phoneNumberId")).toBe(settings.phoneNumberId);

    await database.stop();
    const refused = await post(body);
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ error: { code: "UNAVAILABLE" } });
    const health = await fetch(`${server.baseUrl}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ ok: false, db: "down" });

    database = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port, database: "switchboard_down" });
    let accepted: Response | undefined;
    for (let attempt = 0; attempt < 20 && accepted?.status !== 200; attempt++) {
      if (attempt) await new Promise((resolve) => setTimeout(resolve, 500));
      accepted = await post(body); // Meta retries with decreasing frequency
    }
    expect(accepted?.status).toBe(200);
    const { event, state } = (await accepted!.json()) as { event: string; state: string };
    expect(state).toBe("RECEIVED");
    // Stored before the answer, processed right after.
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      for (let attempt = 0; attempt < 100; attempt++) {
        const { rows } = await client.query<{ state: string }>(`SELECT state FROM "WebhookEvent" WHERE id = $1`, [event]);
        if (rows[0]?.state === "PROCESSED") break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const { rows } = await client.query<{ state: string }>(`SELECT state FROM "WebhookEvent" WHERE id = $1`, [event]);
      expect(rows[0]?.state).toBe("PROCESSED");
    } finally {
      await client.end();
    }
  });
});
