import { inboundPort } from "@/lib/channels/inbound-port";
import type { Prisma } from "@/lib/db/client";
import { isDatabaseDown } from "@/lib/db/errors";
import type { InboundPort } from "@/lib/conversations/channel-input";
import type { Publication } from "@/lib/realtime/publish";
import type { BatchOutcome, LoggedBody } from "@/lib/webhooks/adapter";
import { inSavepoint } from "./in-savepoint";
import { readWebhookItems } from "./read-webhook-items";
import { accountFields, recordAccountChange } from "./record-account-change";
import { isConflict } from "./retry-on-conflict";
import { translateMessage } from "./translate-message";
import { translateReceipt } from "./translate-receipt";
import { webhookEnvelope, type InboundMessage, type MessagesValue, type StatusReceipt } from "./webhook-schema";

// Processes logged WhatsApp bodies, a batch at a time, inside the intake's transaction
// (lib/webhooks/process-lane.ts). Each entry, change and item is checked on its own; a malformed
// one is named on its body (which ends FAILED, for an admin to replay after a fix) while everything
// beside it is stored. In bulk, the batch takes a few set-based statements: every customer message,
// in arrival order per customer (inboundPort.receiveMessages), then every receipt
// (inboundPort.applyReceipts); an item the code cannot store fails the batch, which the intake then
// processes a body at a time, isolated: each item in its own savepoint, so one item that cannot be
// stored never costs the others. Replays store nothing twice: wamids and receipts are unique in the
// database. This module only translates: every write to conversations, messages and customers is a
// call to the domain's port.

/** How the domain's audit trail names what WhatsApp itself did. */
const SYSTEM = "whatsapp";

type Inbound = { body: number; channelId: string; value: MessagesValue; message: InboundMessage; where: string };
type Receipt = { body: number; channelId: string; receipt: StatusReceipt; where: string };

export async function processWhatsAppBodies({
  tx,
  bodies,
  isolate,
  isolateConflicts,
  domain = inboundPort,
}: {
  tx: Prisma.TransactionClient;
  bodies: LoggedBody[];
  isolate: boolean;
  isolateConflicts: boolean;
  domain?: InboundPort;
}): Promise<BatchOutcome> {
  const problems: string[][] = bodies.map(() => []);
  const publications: Publication[] = [];
  const rethrow = (error: unknown) => isDatabaseDown(error) || (!isolateConflicts && isConflict(error));
  const step = async (body: number, where: string, work: () => Promise<Publication[] | string | null | void>) => {
    if (!isolate) return record(body, await work());
    const result = await inSavepoint({ tx, work, rethrow });
    if (result.ok) return record(body, result.value);
    console.error(`[webhook] ${where} could not be stored`, result.error);
    problems[body]!.push(`${where} could not be stored: ${describe(result.error)}`);
  };
  const record = (body: number, value: Publication[] | string | null | void) => {
    if (typeof value === "string") problems[body]!.push(value);
    else if (value) publications.push(...value);
  };

  const work = bodies.map((body, index) => {
    const envelope = webhookEnvelope.safeParse(body.payload);
    if (envelope.success) return readWebhookItems({ body: envelope.data, accountFields });
    problems[index]!.push(`not a webhook notification: ${envelope.error.issues[0]?.message ?? "malformed"}`);
    return { work: [], problems: [] };
  });
  const channelOf = await channelsOf(tx, bodies, work);

  const inbound: Inbound[] = [];
  const receipts: Receipt[] = [];
  for (const [body, read] of work.entries()) {
    problems[body]!.push(...read.problems);
    for (const item of read.work) {
      if (item.kind === "account") {
        await step(body, item.where, () => recordAccountChange({ tx, wabaId: item.wabaId, field: item.field, value: item.value, domain }));
        continue;
      }
      const channelId = channelOf.get(item.value.metadata.phone_number_id);
      if (!channelId) {
        problems[body]!.push(`no channel owns phone_number_id ${item.value.metadata.phone_number_id}`);
        continue;
      }
      for (const { item: message, where } of item.messages)
        inbound.push({ body, channelId, value: item.value, message, where: `${where} (${item.where})` });
      for (const { item: receipt, where } of item.statuses) receipts.push({ body, channelId, receipt, where: `${where} (${item.where})` });
    }
  }
  // One customer's messages in arrival order (body, then Meta's time within a body); customers in
  // one canonical order, so concurrent batches take their row locks alike and rarely deadlock.
  inbound.sort(
    (a, b) =>
      customerKey(a.message).localeCompare(customerKey(b.message)) ||
      a.body - b.body ||
      a.message.timestamp.localeCompare(b.message.timestamp),
  );

  if (isolate) {
    for (const { body, channelId, value, message, where } of inbound) {
      await step(body, where, () => domain.receiveMessage({ tx, channelId, ...translateMessage({ value, message }) }));
    }
    for (const { body, channelId, receipt, where } of receipts) {
      await step(body, where, () =>
        domain.applyReceipts({ tx, receipts: [{ channelId, receipt: translateReceipt(receipt) }], system: SYSTEM }),
      );
    }
  } else {
    const messages = inbound.map(({ channelId, value, message }) => ({ channelId, ...translateMessage({ value, message }) }));
    publications.push(...(await domain.receiveMessages({ tx, messages })));
    const translated = receipts.map(({ channelId, receipt }) => ({ channelId, receipt: translateReceipt(receipt) }));
    publications.push(...(await domain.applyReceipts({ tx, receipts: translated, system: SYSTEM })));
  }

  const failed = new Map<string, string>();
  bodies.forEach((body, index) => {
    if (problems[index]!.length) failed.set(body.id, problems[index]!.join("; ").slice(0, 2000));
  });
  return { publications, problems: failed };
}

/**
 * The channel of every number the bodies name. The intake logged each body with the channel of the
 * first number it names; only bodies naming others (rare) need a query.
 */
async function channelsOf(tx: Prisma.TransactionClient, bodies: LoggedBody[], work: ReturnType<typeof readWebhookItems>[]) {
  const channels = new Map<string, string>();
  for (const body of bodies) if (body.account && body.channelId) channels.set(body.account, body.channelId);
  const missing = new Set(
    work.flatMap(({ work }) =>
      work.flatMap((item) =>
        item.kind === "messages" && !channels.has(item.value.metadata.phone_number_id) ? [item.value.metadata.phone_number_id] : [],
      ),
    ),
  );
  if (missing.size) {
    const rows = await tx.channel.findMany({ where: { phoneNumberId: { in: [...missing] } }, select: { id: true, phoneNumberId: true } });
    for (const row of rows) if (row.phoneNumberId) channels.set(row.phoneNumberId, row.id);
  }
  return channels;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, " ").slice(0, 200);
}

function customerKey(message: { from?: string; from_user_id?: string }): string {
  return message.from_user_id ?? message.from ?? "";
}
