import { randomUUID } from "node:crypto";
import type { Message, Prisma } from "@/lib/db/client";
import { stopMarketingAfterRefusal } from "@/lib/contacts/stop-marketing-after-refusal";
import { messageUpdated } from "@/lib/realtime/build-events";
import type { Publication } from "@/lib/realtime/publish";
import type { ReceiptInput } from "./channel-input";
import { refreshConversationsBilling } from "./conversation-billing";
import { openFreeEntryPoint } from "./open-free-entry-point";
import { reconcileSend } from "./reconcile-send";
import { receiptChanges } from "./receipt-changes";
import { messageInclude, type MessageRow } from "./serializers";

const pricingFields = ["pricingModel", "pricingType", "pricingCategory", "billable"] as const;

type Tx = Prisma.TransactionClient;

/**
 * Records delivery receipts, deduplicated on (channel, external id, status), and applies the new
 * ones to their messages, in the order given, by the rules of receipt-changes.ts. A receipt whose
 * message is not known yet waits and is applied by applyStoredReceipts() once the send is recorded.
 * However many receipts, the work is a fixed handful of set-based statements: lock the external
 * ids, insert the receipts, lock and read their messages, update those that change, and refresh
 * the billing of their conversations. `system` names the channel in the audit trail.
 */
export async function applyReceipts({
  tx,
  receipts,
  system,
}: {
  tx: Tx;
  receipts: { channelId: string; receipt: ReceiptInput }[];
  system: string;
}): Promise<Publication[]> {
  if (receipts.length === 0) return [];
  const keyOf = (channelId: string, externalId: string) => `${channelId}\u0000${externalId}`;

  // The send job storing an external id takes the same lock (lock-external-id.ts), so a receipt
  // and its send never miss each other. Taken in one canonical order, so batches cannot deadlock.
  const keys = [
    ...new Map(receipts.map(({ channelId, receipt }) => [keyOf(channelId, receipt.externalId), { channelId, receipt }])).entries(),
  ]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { channelId, receipt }]) => ({ channelId, externalId: receipt.externalId }));
  await tx.$executeRaw`
    SELECT pg_advisory_xact_lock(hashtext(k.channel), hashtext(k.external))
    FROM unnest(${keys.map((key) => key.channelId)}::text[], ${keys.map((key) => key.externalId)}::text[]) AS k(channel, external)`;

  const rows = receipts.map((row) => ({ id: randomUUID(), ...row }));
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "MessageStatusEvent" (id, "channelId", "externalId", status, "timestamp", "recipientId", payload, "createdAt")
    SELECT r.id, r.channel, r.external, r.status, r.at::timestamptz AT TIME ZONE 'UTC', r.recipient, r.payload, now() AT TIME ZONE 'UTC'
    FROM unnest(
      ${rows.map((row) => row.id)}::text[], ${rows.map((row) => row.channelId)}::text[],
      ${rows.map((row) => row.receipt.externalId)}::text[], ${rows.map((row) => row.receipt.status)}::text[],
      ${rows.map((row) => row.receipt.at.toISOString())}::text[], ${rows.map((row) => row.receipt.recipientId)}::text[],
      ${rows.map((row) => JSON.stringify(row.receipt.raw))}::jsonb[]
    ) AS r(id, channel, external, status, at, recipient, payload)
    ON CONFLICT ("channelId", "externalId", status) DO NOTHING
    RETURNING id`;
  const fresh = new Set(inserted.map((row) => row.id));
  const applied = rows.filter((row) => fresh.has(row.id));
  if (applied.length === 0) return [];

  const wanted = [
    ...new Map(applied.map(({ channelId, receipt }) => [keyOf(channelId, receipt.externalId), { channelId, receipt }])).values(),
  ];
  const locked = await tx.$queryRaw<{ id: string; channelId: string; externalId: string | null }[]>`
    SELECT m.id, m."channelId", m."externalId" FROM "Message" m
    JOIN unnest(${wanted.map((row) => row.channelId)}::text[], ${wanted.map((row) => row.receipt.externalId)}::text[]) AS k(channel, external)
      ON m."channelId" = k.channel AND m."externalId" = k.external
    ORDER BY m.id FOR UPDATE OF m`;
  const reconciled = await reconcileUnknown({ tx, wanted, locked, keyOf });
  if (locked.length === 0 && reconciled.length === 0) return [];
  const ids = [...locked.map((row) => row.id), ...reconciled];
  const messages = await tx.message.findMany({ where: { id: { in: ids } }, include: messageInclude });
  const byKey = new Map(messages.map((message) => [keyOf(message.channelId, message.externalId ?? ""), message]));

  const changed = new Map<string, MessageRow>();
  const priced = new Set<string>();
  const stopped = new Map<string, { at: Date; reason: string }>();
  for (const { channelId, receipt } of applied) {
    const message = byKey.get(keyOf(channelId, receipt.externalId));
    if (!message) continue;
    const current = changed.get(message.id) ?? message;
    const data = receiptChanges(current, receipt);
    if (Object.keys(data).length) changed.set(message.id, { ...current, ...data, updatedAt: new Date() });
    // Only a message whose pricing changed can change which priced message is its conversation's latest.
    if (pricingFields.some((field) => field in data && data[field] !== current[field])) priced.add(message.conversationId);
    if (receipt.marketingStopped && !stopped.has(message.conversationId)) {
      stopped.set(message.conversationId, { at: receipt.at, reason: receipt.marketingStopped.reason });
    }
  }

  const publications: Publication[] = [];
  // A reconciled send changed even when its receipt adds nothing: the thread learns its new state.
  for (const id of reconciled) {
    if (![...changed.values()].some((message) => message.id === id)) {
      const message = messages.find((row) => row.id === id);
      if (message) publications.push(messageUpdated(message));
    }
  }
  if (changed.size) {
    // The rows as the UPDATE leaves them: read and locked above, changed here.
    await writeReceiptFields(tx, [...changed.values()]);
    publications.push(...[...changed.values()].map(messageUpdated));
  }
  for (const [conversationId, { at, reason }] of stopped) {
    await stopMarketingAfterRefusal({ tx, conversationId, at, reason, system });
  }
  // A reconciled send was accepted as its lost answer would have said: it may open the free entry point.
  for (const message of messages.filter((row) => reconciled.includes(row.id))) {
    const at = applied.find(
      ({ channelId, receipt }) => keyOf(channelId, receipt.externalId) === keyOf(message.channelId, message.externalId ?? ""),
    );
    const opened = at ? await openFreeEntryPoint({ tx, conversationId: message.conversationId, replyAt: at.receipt.at }) : null;
    if (opened) publications.push(opened);
  }
  // Priced receipts move their conversations' billing to the latest priced message.
  if (priced.size) publications.push(...(await refreshConversationsBilling({ tx, conversationIds: [...priced] })));
  return publications;
}

/**
 * Receipts for external ids the inbox does not know that name one of our messages by our own id
 * (`messageRef`, echoed by the channel): sends whose answer was lost, which did reach the channel.
 * Each such message takes the receipt's external id (reconcile-send.ts); returns their ids. Only
 * receipts left unmatched are looked at, so the common batch pays nothing for this.
 */
async function reconcileUnknown({
  tx,
  wanted,
  locked,
  keyOf,
}: {
  tx: Tx;
  wanted: { channelId: string; receipt: ReceiptInput }[];
  locked: { id: string; channelId: string; externalId: string | null }[];
  keyOf: (channelId: string, externalId: string) => string;
}): Promise<string[]> {
  const known = new Set(locked.map((row) => keyOf(row.channelId, row.externalId ?? "")));
  const reconciled: string[] = [];
  for (const { channelId, receipt } of wanted) {
    if (!receipt.messageRef || known.has(keyOf(channelId, receipt.externalId))) continue;
    const id = await reconcileSend({ tx, channelId, messageId: receipt.messageRef, externalId: receipt.externalId });
    if (id) reconciled.push(id);
  }
  return reconciled;
}

/** One UPDATE for every changed message: the receipt fields as receipt-changes.ts left them. */
async function writeReceiptFields(tx: Tx, messages: Message[]) {
  const column = <T>(pick: (message: Message) => T) => messages.map(pick);
  const time = (pick: (message: Message) => Date | null) => column((message) => pick(message)?.toISOString() ?? null);
  await tx.$executeRaw`
    UPDATE "Message" AS m SET
      status = v.status::"MessageStatus",
      "sentAt" = v.sent::timestamptz AT TIME ZONE 'UTC',
      "deliveredAt" = v.delivered::timestamptz AT TIME ZONE 'UTC',
      "readAt" = v.read::timestamptz AT TIME ZONE 'UTC',
      "playedAt" = v.played::timestamptz AT TIME ZONE 'UTC',
      "failedAt" = v.failed::timestamptz AT TIME ZONE 'UTC',
      "errorCode" = v.error_code, "errorTitle" = v.error_title, "errorDetails" = v.error_details,
      "pricingModel" = v.pricing_model, "pricingType" = v.pricing_type, "pricingCategory" = v.pricing_category, billable = v.billable,
      "metaConversationId" = v.meta_id, "metaConversationOrigin" = v.meta_origin,
      "metaConversationExpiresAt" = v.meta_expires::timestamptz AT TIME ZONE 'UTC',
      "updatedAt" = now() AT TIME ZONE 'UTC'
    FROM unnest(
      ${column((message) => message.id)}::text[], ${column((message) => message.status)}::text[],
      ${time((message) => message.sentAt)}::text[], ${time((message) => message.deliveredAt)}::text[],
      ${time((message) => message.readAt)}::text[], ${time((message) => message.playedAt)}::text[],
      ${time((message) => message.failedAt)}::text[], ${column((message) => message.errorCode)}::int[],
      ${column((message) => message.errorTitle)}::text[], ${column((message) => message.errorDetails)}::text[],
      ${column((message) => message.pricingModel)}::text[], ${column((message) => message.pricingType)}::text[],
      ${column((message) => message.pricingCategory)}::text[], ${column((message) => message.billable)}::boolean[],
      ${column((message) => message.metaConversationId)}::text[], ${column((message) => message.metaConversationOrigin)}::text[],
      ${time((message) => message.metaConversationExpiresAt)}::text[]
    ) AS v(id, status, sent, delivered, read, played, failed, error_code, error_title, error_details,
           pricing_model, pricing_type, pricing_category, billable, meta_id, meta_origin, meta_expires)
    WHERE m.id = v.id`;
}
