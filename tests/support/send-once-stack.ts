import { randomBytes, randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { expect } from "vitest";
import type { ConversationDto, MessageDto } from "@/lib/conversations/types";
import { root } from "../../scripts/lib/server-process";
import { signInCookie } from "../../scripts/lib/sign-in";
import { scratchDatabase } from "./scratch-database";
import { startServer } from "./stack";

// A Switchboard of its own for the exactly-once sending tests (integration/send-once.test.ts,
// e2e/send-not-confirmed.test.ts), on a scratch database of the suite's cluster:
// short Graph timeout, grace and retry limit, so lost answers, "not confirmed" and give-ups happen
// within a test without touching the shared server's settings.

export const GRAPH_TIMEOUT_SECONDS = 3;
export const GRACE_SECONDS = 6;
const LOG = "send-once-server.log";

export type SendOnceStack = Awaited<ReturnType<typeof startSendOnceStack>>;
export type Caller = { fetch: (url: string, init?: RequestInit) => Promise<Response> };

export async function startSendOnceStack() {
  const database = await scratchDatabase("send_once");
  const server = await startServer({
    databaseUrl: database.url,
    logName: LOG,
    env: {
      WHATSAPP_GRAPH_TIMEOUT_SECONDS: String(GRAPH_TIMEOUT_SECONDS),
      SEND_CONFIRM_GRACE_SECONDS: String(GRACE_SECONDS),
      SEND_RETRY_LIMIT: "1",
    },
  });
  const owner = new pg.Client({ connectionString: database.url });
  await owner.connect();
  const as = async (email: string): Promise<Caller> => {
    const cookie = await signInCookie(server.baseUrl, email);
    return {
      fetch: (url, init) =>
        fetch(`${server.baseUrl}${url}`, { ...init, headers: { "content-type": "application/json", ...init?.headers, cookie } }),
    };
  };
  const query = async <T extends pg.QueryResultRow>(sql: string, values: unknown[] = []) => (await owner.query<T>(sql, values)).rows;

  return {
    baseUrl: server.baseUrl,
    as,
    query,
    /** A simulated customer (its number marked for a fault, see lib/simulator/send-faults.ts) writes in. */
    async customerWritesIn(agent: Caller, prefix: string, name = `Customer ${randomBytes(4).toString("hex")}`) {
      const waId = `${prefix}${String(randomInt(0, 1_000_000_000)).padStart(9, "0")}`;
      const response = await fetch(`${server.baseUrl}/api/simulator/customers/${waId}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name, text: "Hello, is my order on its way?" }),
      });
      expect(response.status, await response.clone().text()).toBe(201);
      const conversation = await eventually(async () => {
        const { items } = (await (await agent.fetch(`/api/conversations?q=${waId}`)).json()) as { items: ConversationDto[] };
        return items[0];
      });
      return { waId, conversation };
    },
    async send(agent: Caller, conversationId: string, text: string): Promise<MessageDto> {
      const response = await agent.fetch(`/api/conversations/${conversationId}/messages`, {
        method: "POST",
        body: JSON.stringify({ text }),
      });
      expect(response.status, await response.clone().text()).toBe(201);
      return (await response.json()) as MessageDto;
    },
    /** The message as the agent's thread shows it, once `ready` holds. */
    async inThread(agent: Caller, message: MessageDto, ready: (shown: MessageDto) => boolean, timeoutMs = 30_000) {
      return eventually(
        async () => {
          const { items } = (await (await agent.fetch(`/api/conversations/${message.conversationId}/messages`)).json()) as {
            items: MessageDto[];
          };
          const shown = items.find((item) => item.id === message.id);
          return shown && ready(shown) ? shown : null;
        },
        { timeoutMs, what: `message ${message.id} in the thread` },
      );
    },
    /** What reached the simulated Meta for this customer (accepted messages only). */
    async atMeta(waId: string) {
      return query<{ wamid: string; payload: Record<string, unknown> }>(
        `SELECT wamid, payload FROM "SimulatorMessage" WHERE "customerWaId" = $1 AND direction = 'OUTBOUND'`,
        [waId],
      );
    },
    /** Every run of the send job for a message, finished or not. */
    async sendJobs(messageId: string) {
      return query<{ state: string; retry_count: number }>(
        `SELECT state::text, retry_count FROM pgboss.job WHERE name = 'whatsapp.send-message' AND singleton_key = $1
         UNION ALL SELECT state::text, retry_count FROM pgboss.archive WHERE name = 'whatsapp.send-message' AND singleton_key = $1`,
        [messageId],
      );
    },
    /** The server's log: what it said about a message. */
    logAbout(messageId: string): string[] {
      return readFileSync(path.join(root, "test-results", LOG), "utf8")
        .split("\n")
        .filter((line) => line.includes(messageId));
    },
    async stop() {
      await owner.end();
      await server.stop();
      await database.drop();
    },
  };
}

/** Polls `probe` every 200 ms until it returns something, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | null | undefined | false>, { timeoutMs = 15_000, what = "condition" } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await probe();
    if (result) return result;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
