import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { db } from "@/lib/db/client";
import { encryptSecret, keyId } from "@/lib/secrets/encryption";
import { signBody } from "@/lib/whatsapp/signature";
import { baseUrl, postWebhook, signIn, type Session } from "../support/http";
import { scratchDatabase } from "../support/scratch-database";
import { eventually, inboundTextBody, testChannel } from "./factories";

// Settings → Channels: numbers added in the app with their own credentials, checked with the
// (simulated) Graph API before saving, encrypted at rest, never sent back; webhooks checked with
// the secret of the number they name; sends made with the number's own token.

const root = path.resolve(import.meta.dirname, "../..");
// One of the simulated Meta's spare numbers (lib/simulator/meta-apps.ts).
const outlet = {
  name: "Outlet",
  phoneNumberId: "100000000000002",
  wabaId: "200000000000002",
  accessToken: "simulator-access-token-outlet",
  appSecret: "simulator-app-secret-outlet",
  verifyToken: "outlet-verify-token-8c1d",
};
const secrets = [outlet.accessToken, outlet.appSecret, outlet.verifyToken];

type Channel = {
  id: string;
  name: string;
  source: string;
  inboxId: string;
  displayPhoneNumber: string;
  disabledAt: string | null;
  secrets: Record<string, { set: boolean; changedAt: string | null }> | null;
};

let admin: Session;
let added: Channel;

beforeAll(async () => {
  admin = await signIn("admin@example.com");
  const response = await admin.fetch("/api/channels", { method: "POST", body: JSON.stringify(outlet) });
  const text = await response.text();
  expect(response.status, text).toBe(201);
  for (const secret of secrets) expect(text).not.toContain(secret);
  added = JSON.parse(text) as Channel;
});

afterAll(async () => {
  // The other files share this server: leave the number disabled, as nobody else uses it.
  await admin.fetch(`/api/channels/${added.id}`, { method: "PATCH", body: JSON.stringify({ disabled: true }) });
});

/** A customer's text to the Outlet number, signed as its Meta app signs. */
function outletBody() {
  const body = inboundTextBody();
  const value = body.entry[0].changes[0].value;
  value.metadata.phone_number_id = outlet.phoneNumberId;
  value.messages[0].timestamp = String(Math.floor(Date.now() / 1000) - 30);
  return body;
}

describe("connecting a number", () => {
  it("checks the credentials with Meta, then lists the channel without a secret", async () => {
    expect(added).toMatchObject({ name: "Outlet", source: "app", displayPhoneNumber: "15550100300", disabledAt: null });
    expect(added.secrets).toMatchObject({ accessToken: { set: true }, appSecret: { set: true }, verifyToken: { set: true } });

    const listed = await admin.fetch("/api/channels");
    const text = await listed.text();
    for (const secret of secrets) expect(text).not.toContain(secret);
    const items = (JSON.parse(text) as { items: Channel[] }).items;
    expect(items.find((item) => item.id === added.id)).toMatchObject({ name: "Outlet", inboxId: added.inboxId });
    expect(items.find((item) => item.source === "config")).toMatchObject({ secrets: null });

    // An agent sees only the channels of the inboxes they belong to.
    const agent = await signIn("agent@example.com");
    const theirs = (await (await agent.fetch("/api/channels")).json()) as { items: Channel[] };
    expect(theirs.items.map((item) => item.id)).not.toContain(added.id);
    expect((await agent.fetch("/api/channels", { method: "POST", body: JSON.stringify(outlet) })).status).toBe(403);
  });

  it("refuses a token Meta does not accept, and a number already connected, saving nothing", async () => {
    const other = { ...outlet, name: "Repairs", phoneNumberId: "100000000000003", accessToken: "not-the-repairs-token" };
    const refused = await admin.fetch("/api/channels", { method: "POST", body: JSON.stringify(other) });
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.message).toMatch(/Meta did not accept the access token/);
    expect(await db.channel.count({ where: { phoneNumberId: other.phoneNumberId } })).toBe(0);

    const twice = await admin.fetch("/api/channels", { method: "POST", body: JSON.stringify(outlet) });
    expect(twice.status).toBe(409);

    const invalid = await admin.fetch("/api/channels", { method: "POST", body: JSON.stringify({ ...outlet, phoneNumberId: "12ab" }) });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.message).toMatch(/digits only/);
  });

  it("keeps the credentials encrypted in the database and out of the server's log", async () => {
    const row = await db.channel.findUniqueOrThrow({ where: { id: added.id } });
    for (const column of [row.encryptedAccessToken, row.encryptedAppSecret, row.encryptedVerifyToken]) {
      expect(column).toMatch(/^v1\.[0-9a-f]{8}\./);
      for (const secret of secrets) expect(column).not.toContain(secret);
    }
    const owner = new pg.Client({ connectionString: inject("databaseUrl") });
    await owner.connect();
    try {
      const { rows } = await owner.query(`SELECT row_to_json(c)::text AS row FROM "Channel" c WHERE id = $1`, [added.id]);
      for (const secret of secrets) expect(rows[0].row).not.toContain(secret);
      const audit = await owner.query(`SELECT row_to_json(a)::text AS row FROM "AuditEvent" a WHERE "targetId" = $1`, [added.id]);
      expect(audit.rows.length).toBeGreaterThan(0);
      for (const secret of secrets) for (const event of audit.rows) expect(event.row).not.toContain(secret);
    } finally {
      await owner.end();
    }
    const log = readFileSync(path.join(root, "test-results/integration-server.log"), "utf8");
    for (const secret of secrets) expect(log).not.toContain(secret);
  });

  it("does not take credentials for the number of the configuration", async () => {
    const configured = await testChannel();
    const response = await admin.fetch(`/api/channels/${configured.id}`, {
      method: "PATCH",
      body: JSON.stringify({ accessToken: "a-new-token-for-it" }),
    });
    expect(response.status).toBe(422);
    expect((await response.json()).error.message).toMatch(/WHATSAPP_\* settings/);
  });
});

describe("the channel's own secrets", () => {
  it("verify its webhooks: its app secret passes, another app's is refused", async () => {
    const body = outletBody();
    const text = JSON.stringify(body);
    expect((await postWebhook(body, { signature: signBody(text, inject("appSecret")) })).status).toBe(401);
    expect((await postWebhook(body, { signature: signBody(text, outlet.appSecret) })).status).toBe(200);
    const conversation = await eventually(() =>
      db.conversation.findFirst({ where: { contact: { waId: body.entry[0].changes[0].value.messages[0].from } } }),
    );
    expect(conversation.inboxId).toBe(added.inboxId);

    // The configured number's body signed with the Outlet's secret is refused too.
    const configured = inboundTextBody();
    expect((await postWebhook(configured, { signature: signBody(JSON.stringify(configured), outlet.appSecret) })).status).toBe(401);
  });

  it("are looked up once per body, and a body naming more numbers than Meta would send is refused", async () => {
    const body = inboundTextBody();
    const change = body.entry[0].changes[0];
    body.entry[0].changes = Array.from({ length: 51 }, (_, index) => ({
      ...change,
      value: { ...change.value, metadata: { ...change.value.metadata, phone_number_id: `7${String(index).padStart(14, "0")}` } },
    }));
    const refused = await postWebhook(body, { signature: signBody(JSON.stringify(body), inject("appSecret")) });
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.message).toMatch(/too many numbers/);
  });

  it("complete the webhook handshake with its verify token", async () => {
    const url = (token: string) => `${baseUrl()}/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=4242`;
    const answer = await fetch(url(outlet.verifyToken));
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe("4242");
    expect((await fetch(url("some-other-token"))).status).toBe(403);
  });

  it("send its replies with its own access token, and nothing once it is disabled", async () => {
    // The customer writes to the Outlet on the simulated phone, so the simulated Meta sees its window open.
    const waId = inboundTextBody().entry[0].changes[0].value.messages[0].from;
    const wrote = await fetch(`${baseUrl()}/api/simulator/customers/${waId}/messages?business=${outlet.phoneNumberId}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Outlet customer", text: "Is the sofa still on sale?" }),
    });
    expect(wrote.status, await wrote.clone().text()).toBe(201);
    expect(((await wrote.json()) as { webhookStatus: number }).webhookStatus).toBe(200);
    const conversation = await eventually(() => db.conversation.findFirst({ where: { inboxId: added.inboxId, contact: { waId } } }));
    const reply = await admin.fetch(`/api/conversations/${conversation.id}/messages`, {
      method: "POST",
      body: JSON.stringify({ text: "Thanks, on it." }),
    });
    expect(reply.status, await reply.clone().text()).toBe(201);
    const { id } = (await reply.json()) as { id: string };
    // The simulated Meta answers only to the Outlet's token for the Outlet's number.
    const sent = await eventually(async () => {
      const message = await db.message.findUniqueOrThrow({ where: { id } });
      return message.status !== "QUEUED" && message.status !== "SENDING" ? message : null;
    });
    expect(sent.status, `${sent.errorTitle ?? ""} ${sent.errorDetails ?? ""}`).not.toBe("FAILED");
    expect(sent.externalId).toMatch(/^wamid\./);

    const disabled = await admin.fetch(`/api/channels/${added.id}`, { method: "PATCH", body: JSON.stringify({ disabled: true }) });
    expect(disabled.status).toBe(200);
    expect(((await disabled.json()) as Channel).disabledAt).not.toBeNull();
    const refused = await admin.fetch(`/api/conversations/${conversation.id}/messages`, {
      method: "POST",
      body: JSON.stringify({ text: "Still there?" }),
    });
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.message).toMatch(/disabled/);
    const enabled = await admin.fetch(`/api/channels/${added.id}`, { method: "PATCH", body: JSON.stringify({ disabled: false }) });
    expect(((await enabled.json()) as Channel).disabledAt).toBeNull();

    const events = await db.auditEvent.findMany({ where: { targetId: added.id }, orderBy: { seq: "asc" }, select: { action: true } });
    expect(events.map((event) => event.action)).toEqual(["channel.added", "channel.disabled", "channel.enabled"]);
  });
});

describe("npm run secrets:rotate", () => {
  const run = promisify(execFile);
  const keyA = "a1".repeat(32);
  const keyB = "b2".repeat(32);

  function rotate(databaseUrl: string, keys: { SECRETS_KEY: string; SECRETS_KEY_PREVIOUS?: string }) {
    return run(
      process.execPath,
      [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--tsconfig", "tsconfig.server.json", "scripts/rotate-secrets.ts"],
      {
        cwd: root,
        env: { PATH: process.env.PATH, NODE_ENV: "development", DATABASE_URL: databaseUrl, AUDIT_KEY: inject("auditKey"), ...keys },
      },
    );
  }

  it("re-encrypts every stored credential under the new key, once, and stops on a value no key opens", async () => {
    const scratch = await scratchDatabase("rotate");
    try {
      await rotate(scratch.url, { SECRETS_KEY: keyA }); // applies the migrations
      const owner = new pg.Client({ connectionString: scratch.url });
      await owner.connect();
      try {
        await owner.query(
          `INSERT INTO "Channel" (id, source, "phoneNumberId", "displayPhoneNumber", "wabaId", "encryptedAccessToken", "encryptedAppSecret", "encryptedVerifyToken", "updatedAt")
           VALUES ('rotating', 'APP', '1999', '1999', '2999', $1, $2, $3, now())`,
          [
            encryptSecret("token-1", Buffer.from(keyA, "hex")),
            encryptSecret("secret-1", Buffer.from(keyA, "hex")),
            encryptSecret("verify-1", Buffer.from(keyA, "hex")),
          ],
        );
        const first = await rotate(scratch.url, { SECRETS_KEY: keyB, SECRETS_KEY_PREVIOUS: keyA });
        expect(first.stdout).toContain("3 credential(s) of 1 channel(s) re-encrypted");
        const { rows } = await owner.query(`SELECT "encryptedAccessToken" AS t FROM "Channel" WHERE id = 'rotating'`);
        expect(rows[0].t.split(".")[1]).toBe(keyId(Buffer.from(keyB, "hex")));

        const again = await rotate(scratch.url, { SECRETS_KEY: keyB, SECRETS_KEY_PREVIOUS: keyA });
        expect(again.stdout).toContain("0 credential(s) of 1 channel(s)");

        // Without key B nothing opens the values: the run stops and says which channel.
        const lost = await rotate(scratch.url, { SECRETS_KEY: keyA }).then(
          () => null,
          (error: { code: number; stderr: string }) => error,
        );
        expect(lost?.code).toBe(1);
        expect(lost?.stderr).toMatch(
          /Channel rotating \(1999\): Encrypted under key [0-9a-f]{8}, which is neither SECRETS_KEY nor in SECRETS_KEY_PREVIOUS/,
        );
      } finally {
        await owner.end();
      }
    } finally {
      await scratch.drop();
    }
  });
});
