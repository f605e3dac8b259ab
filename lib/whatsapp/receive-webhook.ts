import { inboundPort } from "@/lib/channels/inbound-port";
import { db, type Prisma } from "@/lib/db/client";
import { isDatabaseDown } from "@/lib/db/errors";
import type { InboundPort } from "@/lib/conversations/channel-input";
import { publish, type Publication } from "@/lib/realtime/publish";
import { inSavepoint } from "./in-savepoint";
import { readWebhookItems } from "./read-webhook-items";
import { accountFields, recordAccountChange } from "./record-account-change";
import { isConflict, withRetryOnConflict } from "./retry-on-conflict";
import { translateMessage } from "./translate-message";
import { translateReceipt } from "./translate-receipt";
import type { InboundMessage, MessagesValue, StatusReceipt, WebhookEnvelope } from "./webhook-schema";

// Every accepted body is written to the webhook log before it is processed, so nothing Meta
// delivered is lost. Processing runs in one transaction; socket events go out only after it
// commits. Each entry, change and item is checked and stored on its own (a savepoint each), so a
// malformed or unstorable one is named in the log's error while everything else is stored. Such a
// body ends FAILED, so an admin sees it and can replay it after a fix; replaying stores nothing
// twice (wamids and receipts are unique in the database). This module only translates: every
// write to conversations, messages and customers is a call to the domain's inbound port.

/** How the domain's audit trail names what WhatsApp itself did. */
const SYSTEM = "whatsapp";

export type WebhookOutcome = {
  eventId: string;
  state: "PROCESSED" | "FAILED";
  error?: string;
  /** True when the body as a whole could not be processed: the sender should deliver it again. */
  retry?: boolean;
};

export async function receiveWebhook({ body }: { body: WebhookEnvelope }): Promise<WebhookOutcome> {
  const phoneNumberId = firstPhoneNumberId(body);
  const channel = phoneNumberId ? await db.channel.findUnique({ where: { phoneNumberId }, select: { id: true } }) : null;
  const event = await db.webhookEvent.create({
    data: { payload: body as Prisma.InputJsonValue, phoneNumberId, channelId: channel?.id ?? null },
    select: { id: true },
  });
  return processWebhookEvent({ eventId: event.id, body });
}

/**
 * Processes (or reprocesses) a logged body. Throws only when the database is down; `retry` says
 * when the transaction as a whole failed and nothing was stored.
 */
export async function processWebhookEvent({
  eventId,
  body,
  domain = inboundPort,
}: {
  eventId: string;
  body: WebhookEnvelope;
  domain?: InboundPort;
}): Promise<WebhookOutcome> {
  try {
    const { publications, problems } = await withRetryOnConflict(({ last }) =>
      db.$transaction((tx) => processBody({ tx, body, domain, isolateConflicts: last }), { timeout: 15_000 }),
    );
    const error = problems.length ? problems.join("; ").slice(0, 2000) : undefined;
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
        .update({
          where: { id: eventId },
          data: { state: "FAILED", error: "Not processed: the database was unavailable or overloaded; the sender was asked to retry." },
        })
        .catch(() => undefined);
      throw error;
    }
    // Items are isolated, so what fails here is the transaction itself (conflicts that kept
    // coming back, a timeout): nothing was stored, and a later delivery may well succeed.
    console.error(`[webhook] event ${eventId} failed to process`, error);
    const message = `Not processed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 2000);
    await db.webhookEvent.update({
      where: { id: eventId },
      data: { state: "FAILED", processedAt: new Date(), error: message },
    });
    return { eventId, state: "FAILED", error: message, retry: true };
  }
}

async function processBody({
  tx,
  body,
  domain,
  isolateConflicts,
}: {
  tx: Prisma.TransactionClient;
  body: WebhookEnvelope;
  domain: InboundPort;
  isolateConflicts: boolean;
}) {
  const publications: Publication[] = [];
  const { work, problems } = readWebhookItems({ body, accountFields });
  const rethrow = (error: unknown) => isDatabaseDown(error) || (!isolateConflicts && isConflict(error));
  const isolated = async (where: string, step: () => Promise<Publication[] | string | null>) => {
    const result = await inSavepoint({ tx, work: step, rethrow });
    if (!result.ok) {
      console.error(`[webhook] ${where} could not be stored`, result.error);
      problems.push(`${where} could not be stored: ${describe(result.error)}`);
    } else if (typeof result.value === "string") {
      problems.push(result.value);
    } else if (result.value) {
      publications.push(...result.value);
    }
  };

  const inbound: { channelId: string; value: MessagesValue; message: InboundMessage; where: string }[] = [];
  const receipts: { channelId: string; receipt: StatusReceipt; where: string }[] = [];
  for (const item of work) {
    if (item.kind === "account") {
      await isolated(item.where, () => recordAccountChange({ tx, wabaId: item.wabaId, field: item.field, value: item.value, domain }));
      continue;
    }
    const channel = await tx.channel.findUnique({ where: { phoneNumberId: item.value.metadata.phone_number_id }, select: { id: true } });
    if (!channel) {
      problems.push(`no channel owns phone_number_id ${item.value.metadata.phone_number_id}`);
      continue;
    }
    for (const { item: message, where } of item.messages)
      inbound.push({ channelId: channel.id, value: item.value, message, where: `${where} (${item.where})` });
    for (const { item: receipt, where } of item.statuses)
      receipts.push({ channelId: channel.id, receipt, where: `${where} (${item.where})` });
  }
  // Rows are locked in one canonical order (customer, then time; receipts by wamid), whatever order
  // Meta batched them in, so concurrent bodies rarely wait on each other in a cycle.
  inbound.sort(
    (a, b) => customerKey(a.message).localeCompare(customerKey(b.message)) || a.message.timestamp.localeCompare(b.message.timestamp),
  );
  receipts.sort((a, b) => a.receipt.id.localeCompare(b.receipt.id) || a.receipt.timestamp.localeCompare(b.receipt.timestamp));
  for (const { channelId, value, message, where } of inbound) {
    await isolated(where, () => domain.receiveMessage({ tx, channelId, ...translateMessage({ value, message }) }));
  }
  for (const { channelId, receipt, where } of receipts) {
    await isolated(where, () => domain.applyReceipt({ tx, channelId, receipt: translateReceipt(receipt), system: SYSTEM }));
  }
  return { publications, problems };
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, " ").slice(0, 200);
}

function customerKey(message: { from?: string; from_user_id?: string }): string {
  return message.from_user_id ?? message.from ?? "";
}

function firstPhoneNumberId(body: WebhookEnvelope): string | null {
  for (const entry of body.entry) {
    const changes = (entry as { changes?: unknown } | null)?.changes;
    if (!Array.isArray(changes)) continue;
    for (const change of changes) {
      const id = (change as { value?: { metadata?: { phone_number_id?: unknown } } } | null)?.value?.metadata?.phone_number_id;
      // Only what could be a phone number id: the log keeps it as a plain column.
      if (typeof id === "string" && id.length > 0 && id.length <= 64) return id;
    }
  }
  return null;
}
