import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signBody } from "@/lib/whatsapp/signature";
import { fixture } from "../support/http";
import { signInCookie } from "../../scripts/lib/sign-in";
import { freePort, settings, startServer } from "../support/stack";

// Two Switchboard instances behind one database and one Redis: an event published by the instance
// that received the webhook reaches an agent whose socket is connected to the other.

const redisBinary = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"].find((candidate) => existsSync(candidate));
let redis: ChildProcess;
let instances: { baseUrl: string; stop: () => Promise<void> }[] = [];

beforeAll(async () => {
  if (!redisBinary) throw new Error("redis-server is needed for the scale-out test: apt-get install -y redis-server");
  const port = await freePort();
  redis = spawn(redisBinary, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  const env = { REDIS_URL: `redis://127.0.0.1:${port}` };
  instances = await Promise.all([
    startServer({ databaseUrl: inject("databaseUrl"), logName: "scale-out-a.log", env }),
    startServer({ databaseUrl: inject("databaseUrl"), logName: "scale-out-b.log", env }),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  redis?.kill();
});

describe("several instances with REDIS_URL", () => {
  it("delivers a webhook received by one instance to a socket on the other", async () => {
    const [a, b] = instances;
    const cookie = await signInCookie(b.baseUrl, "agent@example.com");
    const socket: Socket = io(b.baseUrl, { path: "/socket.io", transports: ["websocket"], extraHeaders: { cookie } });
    await new Promise<void>((resolve, reject) => socket.once("connect", () => resolve()).once("connect_error", reject));

    const body = fixture("wa-inbound-text.json", { unique: `scale-${Date.now()}` }) as {
      entry: { changes: { value: { messages: { text: { body: string }; timestamp: string }[] } }[] }[];
    };
    body.entry[0].changes[0].value.messages[0].text.body = "Sent to instance A, seen on instance B";
    body.entry[0].changes[0].value.messages[0].timestamp = String(Math.floor(Date.now() / 1000));
    const received = new Promise<{ lastMessagePreview: string | null }>((resolve) => {
      const onEvent = (conversation: { lastMessagePreview: string | null }) => {
        if (conversation.lastMessagePreview?.includes("instance B")) resolve(conversation);
      };
      socket.on("conversation.created", onEvent);
      socket.on("conversation.updated", onEvent);
    });

    const raw = JSON.stringify(body);
    const response = await fetch(`${a.baseUrl}/api/webhooks/whatsapp`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature-256": signBody(raw, settings.appSecret) },
      body: raw,
    });
    expect(response.status).toBe(200);
    const conversation = await Promise.race([
      received,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no event reached instance B within 20 s")), 20_000)),
    ]);
    expect(conversation.lastMessagePreview).toBe("Sent to instance A, seen on instance B");
    socket.disconnect();
  });
});
