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
// beside it is stored. The batch is stored in bulk: every customer message, in arrival order per
// customer (inboundPort.receiveMessages), then every receipt (inboundPort.applyReceipts), each in a
// few set-based statements. If anything in that fails, it is undone and the batch is stored again
// item by item, each in its own savepoint, so one item the code cannot store never costs the others.
// Replays store nothing twice: wamids and receipts are unique in the database. This module only
// translates: every write to conversations, messages and customers is a call to the domain's port.

/** How the domain's audit trail names what WhatsApp itself did. */
const SYSTEM = "whatsapp";

type Inbound = { body: number; channelId: string; value: MessagesValue; message: InboundMessage; where: string };
type Receipt = { body: number; channelId: string; receipt: StatusReceipt; where: string };

export async function processWhatsAppBodies({
  tx,
  bodies,
  isolateConflicts,
  domain = inboundPort,
}: {
  tx: Prisma.TransactionClient;
  bodies: LoggedBody[];
  isolateConflicts: boolean;
  domain?: InboundPort;
}): Promise<BatchOutcome> {
  const problems: string[][] = bodies.map(() => []);
  const publications: Publication[] = [];
  const rethrow = (error: unknown) => isDatabaseDown(error) || (!isolateConflicts && isConflict(error));
  const isolated = async (body: number, where: string, step: () => Promise<Publication[] | string | null | void>) => {
    const result = await inSavepoint({ tx, work: step, rethrow });
    if (!result.ok) {
      console.error(`[webhook] ${where} could not be stored`, result.error);
      problems[body]!.push(`${where} could not be stored: ${describe(result.error)}`);
    } else if (typeof result.value === "string") {
      problems[body]!.push(result.value);
    } else if (result.value) {
      publications.push(...result.value);
    }
  };

  const work = bodies.map((body, index) => {
    const envelope = webhookEnvelope.safeParse(body.payload);
    if (envelope.success) return readWebhookItems({ body: envelope.data, accountFields });
    problems[index]!.push(`not a webhook notification: ${envelope.error.issues[0]?.message ?? "malformed"}`);
    return { work: [], problems: [] };
  });
  const numbers = new Set(
    work.flatMap(({ work }) => work.flatMap((item) => (item.kind === "messages" ? [item.value.metadata.phone_number_id] : []))),
  );
  const channels = numbers.size
    ? new Map(
        (await tx.channel.findMany({ where: { phoneNumberId: { in: [...numbers] } }, select: { id: true, phoneNumberId: true } })).map(
          (channel) => [channel.phoneNumberId, channel.id],
        ),
      )
    : new Map<string, string>();

  const inbound: Inbound[] = [];
  const receipts: Receipt[] = [];
  for (const [body, read] of work.entries()) {
    problems[body]!.push(...read.problems);
    for (const item of read.work) {
      if (item.kind === "account") {
        await isolated(body, item.where, () =>
          recordAccountChange({ tx, wabaId: item.wabaId, field: item.field, value: item.value, domain }),
        );
        continue;
      }
      const channelId = channels.get(item.value.metadata.phone_number_id);
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

  const inBulk = await inSavepoint({
    tx,
    rethrow,
    work: async () => {
      const messages = inbound.map(({ channelId, value, message }) => ({ channelId, ...translateMessage({ value, message }) }));
      const stored = await domain.receiveMessages({ tx, messages });
      const translated = receipts.map(({ channelId, receipt }) => ({ channelId, receipt: translateReceipt(receipt) }));
      stored.push(...(await domain.applyReceipts({ tx, receipts: translated, system: SYSTEM })));
      return stored;
    },
  });
  if (inBulk.ok) {
    publications.push(...inBulk.value);
  } else {
    console.warn(`[webhook] a batch of ${bodies.length} bodies is stored item by item: ${describe(inBulk.error)}`);
    for (const { body, channelId, value, message, where } of inbound) {
      await isolated(body, where, () => domain.receiveMessage({ tx, channelId, ...translateMessage({ value, message }) }));
    }
    for (const { body, channelId, receipt, where } of receipts) {
      await isolated(body, where, () =>
        domain.applyReceipts({ tx, receipts: [{ channelId, receipt: translateReceipt(receipt) }], system: SYSTEM }),
      );
    }
  }

  const failed = new Map<string, string>();
  bodies.forEach((body, index) => {
    if (problems[index]!.length) failed.set(body.id, problems[index]!.join("; ").slice(0, 2000));
  });
  return { publications, problems: failed };
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, " ").slice(0, 200);
}

function customerKey(message: { from?: string; from_user_id?: string }): string {
  return message.from_user_id ?? message.from ?? "";
}
