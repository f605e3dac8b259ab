import type { Prisma } from "@/lib/db/client";
import type { Publication } from "@/lib/realtime/publish";

// What a channel adapter gives the webhook intake (docs/architecture.md, "Webhooks in"): a check of
// a raw POST before anything is stored, and the processing of its logged bodies afterwards. The
// intake itself — the durable write, the answer, lanes, batches, retries — is the same for every
// channel. Types only.

export type WebhookSourceName = "whatsapp" | "messenger";

/** The column value of each source (enum WebhookSource). */
export const sourceColumn = { whatsapp: "WHATSAPP", messenger: "MESSENGER" } as const satisfies Record<WebhookSourceName, string>;

/** A refusal answered before anything is stored. */
export type IntakeRefusal = { ok: false; status: 400 | 401 | 403; code: string; message: string };

/** A verified body, ready to be logged. */
export type IntakeAccepted = {
  ok: true;
  /** The body as it will be stored and later processed (JSON). */
  payload: unknown;
  /** The number (or page) the body names, shown in the webhook log; null when it names none. */
  account: string | null;
  channelId: string | null;
  /** Bodies with the same key are processed in arrival order: the customer they are about. */
  orderKey: string;
};

/** A logged body: `account` and `channelId` as the intake resolved them (the first number it names). */
export type LoggedBody = { id: string; seq: bigint; payload: unknown; account: string | null; channelId: string | null };

export type BatchOutcome = {
  publications: Publication[];
  /** Bodies that had problems (their malformed or unstorable items named), by id; the rest are processed. */
  problems: Map<string, string>;
};

export type WebhookAdapter = {
  /** Checks a POST's raw bytes (signature, shape). Never throws for bad input: it refuses. */
  accept(args: { raw: Buffer; header: (name: string) => string | null }): Promise<IntakeRefusal | IntakeAccepted>;
  /**
   * Processes logged bodies of this source, in the order given (arrival order), inside the caller's
   * transaction. Malformed items are named in `problems`. In bulk (`isolate: false`) any item that
   * cannot be stored throws, undoing the batch, which is then tried a body at a time with
   * `isolate: true`: each item in a savepoint of its own, one that cannot be stored named in
   * `problems` while the others are stored. `isolateConflicts` (isolated, last attempt): a conflict
   * that keeps coming back is one item's problem rather than the body's.
   */
  process(args: { tx: Prisma.TransactionClient; bodies: LoggedBody[]; isolate: boolean; isolateConflicts: boolean }): Promise<BatchOutcome>;
};
