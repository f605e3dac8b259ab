import "server-only";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { config } from "@/lib/config";
import { isDatabaseDown } from "@/lib/db/errors";
import { sourceColumn, type WebhookSourceName } from "./adapter";
import { wakeWebhookProcessor } from "./wake";

// The intake's one durable write: a verified body goes into the webhook log before it is answered.
// Concurrent bodies share a commit (group commit): while one INSERT is on its way, the bodies that
// arrive queue up and go together in the next, so the cost of a commit is paid once per group, not
// once per body, and a lone body is written at once. The writer has a connection of its own,
// outside the application's pool, so a busy pool never holds up an acknowledgement.

export type LogEntry = {
  source: WebhookSourceName;
  lane: number;
  channelId: string | null;
  account: string | null;
  /** The body as JSON text (already made storable by the adapter). */
  payload: string;
};

/** Bodies per INSERT at most: a group stays one statement of bounded size. */
const MAX_GROUP = 200;
/** A write that takes longer counts as the database being unavailable: the sender retries. */
const WRITE_TIMEOUT_MS = 10_000;

type Pending = { entry: LogEntry; id: string; resolve: (id: string) => void; reject: (error: unknown) => void };

class GroupWriter {
  private queue: Pending[] = [];
  private flushing = false;
  private client: Promise<pg.Client> | null = null;

  write(entry: LogEntry): Promise<string> {
    return new Promise((resolve, reject) => {
      this.queue.push({ entry, id: randomUUID(), resolve, reject });
      if (this.flushing) return;
      this.flushing = true;
      // Bodies that arrive in the same turn of the event loop share the first commit.
      setImmediate(() => void this.flush());
    });
  }

  async close(): Promise<void> {
    const pending = this.client;
    this.client = null;
    await (await pending?.catch(() => null))?.end().catch(() => undefined);
  }

  private async flush() {
    while (this.queue.length) {
      const group = this.queue.splice(0, MAX_GROUP);
      try {
        await this.insert(group);
        for (const pending of group) pending.resolve(pending.id);
        wakeWebhookProcessor(new Set(group.map((pending) => pending.entry.lane)));
      } catch (error) {
        if (group.length === 1 || isUnavailable(error)) {
          for (const pending of group) pending.reject(error);
          continue;
        }
        // One body the database refuses must not cost the others: each is written on its own.
        for (const pending of group) {
          try {
            await this.insert([pending]);
            pending.resolve(pending.id);
            wakeWebhookProcessor([pending.entry.lane]);
          } catch (single) {
            pending.reject(single);
          }
        }
      }
    }
    this.flushing = false;
  }

  private async insert(group: Pending[]) {
    const client = await this.connection();
    try {
      await client.query(
        `INSERT INTO "WebhookEvent" (id, source, lane, "channelId", "phoneNumberId", payload, "receivedAt")
         SELECT id, source, lane, channel, account, payload, now() AT TIME ZONE 'UTC'
         FROM unnest($1::text[], $2::"WebhookSource"[], $3::smallint[], $4::text[], $5::text[], $6::jsonb[])
           AS body(id, source, lane, channel, account, payload)`,
        [
          group.map((pending) => pending.id),
          group.map((pending) => sourceColumn[pending.entry.source]),
          group.map((pending) => pending.entry.lane),
          group.map((pending) => pending.entry.channelId),
          group.map((pending) => pending.entry.account),
          group.map((pending) => pending.entry.payload),
        ],
      );
    } catch (error) {
      // A broken or stuck connection is replaced on the next write.
      if (isUnavailable(error)) await this.close();
      throw error;
    }
  }

  private connection(): Promise<pg.Client> {
    this.client ??= (async () => {
      const client = new pg.Client({
        connectionString: config().database.url ?? undefined,
        application_name: "switchboard-webhook-log",
        connectionTimeoutMillis: WRITE_TIMEOUT_MS,
        query_timeout: WRITE_TIMEOUT_MS,
      });
      client.on("error", () => {
        this.client = null;
      });
      await client.connect();
      return client;
    })().catch((error: unknown) => {
      this.client = null;
      throw error;
    });
    return this.client;
  }
}

/** The connection failed or timed out, as opposed to the database refusing this body. */
export function isUnavailable(error: unknown): boolean {
  const code = String((error as { code?: unknown })?.code ?? "");
  return isDatabaseDown(error) || /^(EPIPE|ETIMEDOUT)$/.test(code) || /timeout/i.test(String((error as Error)?.message ?? ""));
}

const holder = globalThis as unknown as { switchboardWebhookWriter?: GroupWriter };

/** Writes a verified body to the webhook log; resolves with its id once committed. */
export function logWebhookBody(entry: LogEntry): Promise<string> {
  return (holder.switchboardWebhookWriter ??= new GroupWriter()).write(entry);
}

export async function closeWebhookLog(): Promise<void> {
  await holder.switchboardWebhookWriter?.close();
}
