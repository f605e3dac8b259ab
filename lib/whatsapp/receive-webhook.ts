import { db, type Prisma } from "@/lib/db/client";
import { isDatabaseDown } from "@/lib/db/errors";
import { publish, type Publication } from "@/lib/realtime/publish";
import { accountFields, recordAccountChange } from "./record-account-change";
import { recordInbound } from "./record-inbound";
import { recordStatus } from "./record-status";
import { messagesValue, type InboundMessage, type MessagesValue, type StatusReceipt, type WebhookEnvelope } from "./webhook-schema";

// Every accepted body is written to the webhook log before it is processed, so nothing Meta
// delivered is lost: a body that fails to process stays in the log with its error. Processing runs
// in one transaction; socket events go out only after it commits.

export type WebhookOutcome = { eventId: string; state: "PROCESSED" | "FAILED"; error?: string };

export async function receiveWebhook({ body }: { body: WebhookEnvelope }): Promise<WebhookOutcome> {
  const phoneNumberId = firstPhoneNumberId(body);
  const channel = phoneNumberId
    ? await db.channel.findUnique({ where: { phoneNumberId }, select: { id: true } })
    : null;
  const event = await db.webhookEvent.create({
    data: { payload: body as Prisma.InputJsonValue, phoneNumberId, channelId: channel?.id ?? null },
    select: { id: true },
  });
  return processWebhookEvent({ eventId: event.id, body });
}

/** Processes (or reprocesses) a logged body. Throws only when the database is down. */
export async function processWebhookEvent({
  eventId,
  body,
}: {
  eventId: string;
  body: WebhookEnvelope;
}): Promise<WebhookOutcome> {
  try {
    const { publications, problems } = await withRetryOnConflict(() =>
      db.$transaction((tx) => processBody({ tx, body }), { timeout: 15_000 }),
    );
    const error = problems.length ? problems.join("; ") : undefined;
    await db.webhookEvent.update({
      where: { id: eventId },
      data: { state: error ? "FAILED" : "PROCESSED", processedAt: new Date(), error: error ?? null },
    });
    publish(...publications);
    return { eventId, state: error ? "FAILED" : "PROCESSED", error };
  } catch (error) {
    if (isDatabaseDown(error)) {
      // The caller answers 503 and Meta delivers the body again; this copy stays in the log,
      // marked, if the database lets us say so.
      await db.webhookEvent
        .update({ where: { id: eventId }, data: { state: "FAILED", error: "Not processed: the database was unavailable or overloaded; the sender was asked to retry." } })
        .catch(() => undefined);
      throw error;
    }
    console.error(`[webhook] event ${eventId} failed to process`, error);
    const message = error instanceof Error ? error.message : String(error);
    await db.webhookEvent.update({
      where: { id: eventId },
      data: { state: "FAILED", processedAt: new Date(), error: message.slice(0, 2000) },
    });
    return { eventId, state: "FAILED", error: message };
  }
}

async function processBody({ tx, body }: { tx: Prisma.TransactionClient; body: WebhookEnvelope }) {
  const publications: Publication[] = [];
  const problems: string[] = [];
  const inbound: { channelId: string; value: MessagesValue; message: InboundMessage }[] = [];
  const receipts: { channelId: string; receipt: StatusReceipt }[] = [];
  for (const entry of body.entry) {
    for (const change of entry.changes) {
      if ((accountFields as readonly string[]).includes(change.field)) {
        const problem = await recordAccountChange({ tx, wabaId: entry.id, field: change.field, value: (change.value ?? {}) as Record<string, unknown> });
        if (problem) problems.push(problem);
        continue;
      }
      if (change.field !== "messages") continue;
      const parsed = messagesValue.safeParse(change.value);
      if (!parsed.success) {
        problems.push(`a "messages" change is malformed: ${parsed.error.issues[0]?.message ?? "invalid"}`);
        continue;
      }
      const value = parsed.data;
      const channel = await tx.channel.findUnique({
        where: { phoneNumberId: value.metadata.phone_number_id },
        select: { id: true },
      });
      if (!channel) {
        problems.push(`no channel owns phone_number_id ${value.metadata.phone_number_id}`);
        continue;
      }
      for (const message of value.messages ?? []) inbound.push({ channelId: channel.id, value, message });
      for (const receipt of value.statuses ?? []) receipts.push({ channelId: channel.id, receipt });
    }
  }
  // Rows are locked in one canonical order (customer, then time; receipts by wamid), whatever order
  // Meta batched them in, so concurrent bodies rarely wait on each other in a cycle.
  inbound.sort((a, b) => customerKey(a.message).localeCompare(customerKey(b.message)) || a.message.timestamp.localeCompare(b.message.timestamp));
  receipts.sort((a, b) => a.receipt.id.localeCompare(b.receipt.id) || a.receipt.timestamp.localeCompare(b.receipt.timestamp));
  for (const { channelId, value, message } of inbound) {
    publications.push(...(await recordInbound({ tx, channelId, value, message })));
  }
  for (const { channelId, receipt } of receipts) {
    publications.push(...(await recordStatus({ tx, channelId, receipt })));
  }
  return { publications, problems };
}

function customerKey(message: { from?: string; from_user_id?: string }): string {
  return message.from_user_id ?? message.from ?? "";
}

function firstPhoneNumberId(body: WebhookEnvelope): string | null {
  for (const entry of body.entry) {
    for (const change of entry.changes) {
      const id = (change.value as { metadata?: { phone_number_id?: unknown } } | undefined)?.metadata?.phone_number_id;
      if (typeof id === "string") return id;
    }
  }
  return null;
}

// Two bodies about the same new customer can race to create the contact; the loser's transaction
// hits the unique index and simply runs again, finding the winner's row.
async function withRetryOnConflict<T>(work: () => Promise<T>, attempts = 8): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isConflict(error)) throw error;
      // A little random wait, growing, so the two sides of a deadlock don't collide again at once.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

// A unique violation, or a deadlock / serialization failure. Bodies naming several customers and
// messages take row locks in body order, so two concurrent bodies can deadlock; PostgreSQL aborts
// one and it simply runs again. From a raw query (the FOR UPDATE locks) Prisma reports these as
// P2010 with the SQLSTATE on the driver error, not as P2034.
function isConflict(error: unknown): boolean {
  const { code, meta } = error as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } };
  if (code === "P2002" || code === "P2034") return true;
  const sqlState = meta?.driverAdapterError?.cause?.originalCode;
  return code === "P2010" && (sqlState === "40P01" || sqlState === "40001");
}
