import { randomUUID } from "node:crypto";
import type { Contact, Conversation, Prisma } from "@/lib/db/client";
import { contactChanges } from "@/lib/contacts/upsert-contact";
import { conversationCreated, conversationUpdated, messageCreated } from "@/lib/realtime/build-events";
import type { Publication } from "@/lib/realtime/publish";
import type { CustomerInput, InboundMessageInput } from "./channel-input";
import { foldInboundChanges, type FoldedConversation, type InboundFold } from "./fold-inbound-changes";
import { receiveMessage } from "./receive-message";
import { conversationInclude, messageInclude } from "./serializers";

type Tx = Prisma.TransactionClient;
type Input = { channelId: string; customer: CustomerInput; message: InboundMessageInput };
type Row = { id: string; conversationId: string; input: Input };
type Change = { conversation: Conversation; created: boolean; fold: InboundFold };

/**
 * Stores many customer messages at once, each customer's in the order given. Where the volume is —
 * plain new messages (no reaction, edit, deletion, changed number, file or quote) from a customer
 * who is not blocked — the whole batch takes a fixed handful of set-based statements, new customers
 * and their first conversations included. Every other customer goes message by message through
 * receiveMessage(), which holds every rule; so does a new conversation in an inbox that assigns
 * automatically (assignment is decided one conversation at a time). Both make the same rows and
 * events: the conversation changes by inboundConversationChanges() for each message in turn.
 */
export async function receiveMessages({ tx, messages }: { tx: Tx; messages: Input[] }): Promise<Publication[]> {
  const customers = new Map<string, Input[]>();
  for (const input of messages) {
    const key = customerKey(input);
    customers.set(key, [...(customers.get(key) ?? []), input]);
  }
  const plain = [...customers.values()].filter((inputs) => inputs.every(({ message }) => isPlain(message)));
  const { publications, left } = plain.length ? await storeInBulk(tx, plain) : { publications: [], left: [] };
  const oneByOne = [...customers.values()].filter((inputs) => !plain.includes(inputs)).concat(left);
  for (const inputs of oneByOne) {
    for (const input of inputs) publications.push(...(await receiveMessage({ tx, ...input })));
  }
  return publications;
}

function isPlain(message: InboundMessageInput): boolean {
  return !message.change && !message.numberChange && !message.media && !message.quotedExternalId;
}

/** One customer, as upsertContact() finds them: by number when they have one, else by their user id. */
function customerKey({ channelId, customer }: Input): string {
  return `${channelId}\u0000${customer.waId ?? ""}\u0000${customer.waId ? "" : (customer.bsuid ?? "")}`;
}

async function storeInBulk(tx: Tx, groups: Input[][]): Promise<{ publications: Publication[]; left: Input[][] }> {
  const fresh = await withoutStored(tx, groups);
  if (fresh.length === 0) return { publications: [], left: [] };
  const { contacts, left } = await contactsOf(tx, fresh);
  const known = fresh.filter((inputs) => contacts.has(inputs));
  if (known.length === 0) return { publications: [], left };

  // Serialise everything that happens to one contact (receiveMessage takes the same lock).
  const contactIds = known.map((inputs) => contacts.get(inputs)!.id).sort();
  const locked = await tx.$queryRaw<{ id: string; blocked: boolean }[]>`
    SELECT id, "blockedAt" IS NOT NULL AS blocked FROM "Contact" WHERE id = ANY(${contactIds}::text[]) ORDER BY id FOR UPDATE`;
  const blocked = new Set(locked.filter((row) => row.blocked).map((row) => row.id));
  const open = await tx.conversation.findMany({
    where: { contactId: { in: contactIds }, status: { not: "RESOLVED" } },
    orderBy: { createdAt: "desc" },
  });
  const conversationOf = new Map<string, Conversation>();
  for (const conversation of open)
    if (!conversationOf.has(conversation.contactId)) conversationOf.set(conversation.contactId, conversation);
  // The inbox matters only to customers without an open conversation (few once a channel is busy).
  const opening = known.filter((inputs) => !conversationOf.has(contacts.get(inputs)!.id));
  const channelIds = [...new Set(opening.map((inputs) => inputs[0]!.channelId))];
  const inboxes = channelIds.length
    ? await tx.inbox.findMany({ where: { channelId: { in: channelIds } }, select: { id: true, channelId: true, autoAssign: true } })
    : [];
  const inboxOf = new Map(inboxes.map((inbox) => [inbox.channelId, inbox]));

  const planned: { inputs: Input[]; conversation: Conversation; created: boolean }[] = [];
  const toOpen: { inputs: Input[]; inboxId: string; contactId: string }[] = [];
  for (const inputs of known) {
    const contactId = contacts.get(inputs)!.id;
    const conversation = conversationOf.get(contactId);
    const inbox = inboxOf.get(inputs[0]!.channelId);
    if (blocked.has(contactId) || (!conversation && (!inbox || inbox.autoAssign))) left.push(inputs);
    else if (conversation) planned.push({ inputs, conversation, created: false });
    else toOpen.push({ inputs, inboxId: inbox!.id, contactId });
  }
  if (toOpen.length) {
    const opened = await tx.conversation.createManyAndReturn({ data: toOpen.map(({ inboxId, contactId }) => ({ inboxId, contactId })) });
    const byContact = new Map(opened.map((conversation) => [conversation.contactId, conversation]));
    for (const { inputs, contactId } of toOpen) planned.push({ inputs, conversation: byContact.get(contactId)!, created: true });
  }
  if (planned.length === 0) return { publications: [], left };

  const perConversation = planned.map(({ inputs, conversation, created }) => ({
    conversation,
    created,
    rows: inputs.map((input): Row => ({ id: randomUUID(), conversationId: conversation.id, input })),
  }));
  const rows = perConversation.flatMap((entry) => entry.rows);
  const inserted = new Set((await insertMessages(tx, rows)).map((row) => row.id));
  const changes: Change[] = perConversation
    .map(({ conversation, created, rows: mine }) => {
      const messages = mine.filter((row) => inserted.has(row.id)).map((row) => row.input.message);
      return { conversation, created, fold: foldInboundChanges(foldable(conversation), messages, { created }) };
    })
    .filter(({ fold, created }) => created || fold.changed.size > 0 || fold.unreadAdded > 0);
  if (changes.length) await updateConversations(tx, changes);

  const messageRows = await tx.message.findMany({ where: { id: { in: [...inserted] } }, include: messageInclude });
  const conversationRows = await tx.conversation.findMany({
    where: { id: { in: changes.map(({ conversation }) => conversation.id) } },
    include: conversationInclude,
  });
  const order = new Map(rows.map((row, index) => [row.id, index]));
  messageRows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const created = new Set(changes.filter((change) => change.created).map((change) => change.conversation.id));
  return {
    publications: [
      ...messageRows.map(messageCreated),
      ...conversationRows.map((row) => (created.has(row.id) ? conversationCreated(row) : conversationUpdated(row))),
    ],
    left,
  };
}

/** The groups without the messages already stored (a redelivery) or repeated within the batch. */
async function withoutStored(tx: Tx, groups: Input[][]): Promise<Input[][]> {
  const keyOf = (channelId: string, externalId: string) => `${channelId}\u0000${externalId}`;
  const all = groups.flat();
  const stored = await tx.$queryRaw<{ channelId: string; externalId: string }[]>`
    SELECT m."channelId", m."externalId" FROM "Message" m
    JOIN unnest(${all.map((input) => input.channelId)}::text[], ${all.map((input) => input.message.externalId)}::text[]) AS k(channel, external)
      ON m."channelId" = k.channel AND m."externalId" = k.external`;
  const seen = new Set(stored.map((row) => keyOf(row.channelId, row.externalId)));
  return groups
    .map((inputs) =>
      inputs.filter(({ channelId, message }) => {
        const key = keyOf(channelId, message.externalId);
        return !seen.has(key) && !!seen.add(key);
      }),
    )
    .filter((inputs) => inputs.length > 0);
}

/**
 * Each customer group's contact, as upsertContact() would leave it after their messages: found by
 * user id, then by number, or created; sender details brought up to date. A group that would meet
 * another group's contact (one message named the customer by number, another by user id only) is
 * left to receiveMessage.
 */
async function contactsOf(tx: Tx, groups: Input[][]): Promise<{ contacts: Map<Input[], Contact>; left: Input[][] }> {
  const idsOf = (inputs: Input[]) => {
    const { channelId } = inputs[0]!;
    return inputs.flatMap(({ customer }) => [
      ...(customer.bsuid ? [`${channelId}\u0000b\u0000${customer.bsuid}`] : []),
      ...(customer.waId ? [`${channelId}\u0000w\u0000${customer.waId}`] : []),
    ]);
  };
  const rows = await tx.contact.findMany({
    where: {
      channelId: { in: [...new Set(groups.map((inputs) => inputs[0]!.channelId))] },
      OR: [
        { bsuid: { in: groups.flatMap((inputs) => inputs.flatMap(({ customer }) => (customer.bsuid ? [customer.bsuid] : []))) } },
        { waId: { in: groups.flatMap((inputs) => inputs.flatMap(({ customer }) => (customer.waId ? [customer.waId] : []))) } },
      ],
    },
  });
  const byId = new Map<string, Contact>();
  for (const row of rows) {
    if (row.bsuid) byId.set(`${row.channelId}\u0000b\u0000${row.bsuid}`, row);
    if (row.waId) byId.set(`${row.channelId}\u0000w\u0000${row.waId}`, row);
  }
  const contacts = new Map<Input[], Contact>();
  const left: Input[][] = [];
  const claimed = new Set<string>();
  const unknown: Input[][] = [];
  for (const inputs of groups) {
    const { channelId, customer } = inputs[0]!;
    // As upsertContact(): by user id first, then by number.
    const contact =
      (customer.bsuid ? byId.get(`${channelId}\u0000b\u0000${customer.bsuid}`) : undefined) ??
      (customer.waId ? byId.get(`${channelId}\u0000w\u0000${customer.waId}`) : undefined);
    const keys = contact ? [contact.id, ...idsOf(inputs)] : idsOf(inputs);
    if (keys.some((key) => claimed.has(key))) {
      left.push(inputs);
      continue;
    }
    for (const key of keys) claimed.add(key);
    if (contact) contacts.set(inputs, contact);
    else unknown.push(inputs);
  }
  if (unknown.length) {
    const created = await tx.contact.createManyAndReturn({
      data: unknown.map((inputs) => {
        const { channelId, customer } = inputs[0]!;
        return { channelId, waId: customer.waId, bsuid: customer.bsuid, name: customer.name, username: customer.username };
      }),
    });
    const byKey = new Map(
      created.map((contact) => [`${contact.channelId}\u0000${contact.waId ?? ""}\u0000${contact.bsuid ?? ""}`, contact]),
    );
    for (const inputs of unknown) {
      const { channelId, customer } = inputs[0]!;
      contacts.set(inputs, byKey.get(`${channelId}\u0000${customer.waId ?? ""}\u0000${customer.bsuid ?? ""}`)!);
    }
  }
  // Each message's sender details in turn, as one message after another would leave them (rarely any change).
  for (const [inputs, found] of contacts) {
    let contact = found;
    for (const { customer } of inputs) {
      const data = contactChanges(contact, customer);
      if (Object.keys(data).length) contact = await tx.contact.update({ where: { id: contact.id }, data });
    }
    contacts.set(inputs, contact);
  }
  return { contacts, left };
}

function foldable(conversation: Conversation): FoldedConversation {
  return {
    status: conversation.status,
    lastInboundAt: conversation.lastInboundAt,
    waitingSince: conversation.waitingSince,
    snoozedUntil: conversation.snoozedUntil,
    lastMessageAt: conversation.lastMessageAt,
    lastMessagePreview: conversation.lastMessagePreview,
    referral: (conversation.referral ?? null) as Prisma.InputJsonValue | null,
    referralAt: conversation.referralAt,
  };
}

async function insertMessages(tx: Tx, rows: Row[]): Promise<{ id: string }[]> {
  const column = <T>(pick: (row: Row) => T) => rows.map(pick);
  return tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Message" (id, "channelId", "conversationId", direction, type, text, content, "externalId", status, "timestamp",
                           forwarded, "receivedWhileBlocked", "errorCode", "errorTitle", "errorDetails", "createdAt", "updatedAt")
    SELECT r.id, r.channel, r.conversation, 'INBOUND', r.type, r.text, r.content, r.external, 'RECEIVED', r.at::timestamptz AT TIME ZONE 'UTC',
           r.forwarded, false, r.error_code, r.error_title, r.error_details, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
    FROM unnest(
      ${column((row) => row.id)}::text[], ${column((row) => row.input.channelId)}::text[], ${column((row) => row.conversationId)}::text[],
      ${column((row) => row.input.message.type)}::text[], ${column((row) => row.input.message.text)}::text[],
      ${column((row) => JSON.stringify(row.input.message.content))}::jsonb[], ${column((row) => row.input.message.externalId)}::text[],
      ${column((row) => row.input.message.at.toISOString())}::text[], ${column((row) => row.input.message.forwarded)}::boolean[],
      ${column((row) => row.input.message.error?.code ?? null)}::int[], ${column((row) => row.input.message.error?.title ?? null)}::text[],
      ${column((row) => row.input.message.error?.details ?? null)}::text[]
    ) AS r(id, channel, conversation, type, text, content, external, at, forwarded, error_code, error_title, error_details)
    ON CONFLICT ("channelId", "externalId") DO NOTHING
    RETURNING id`;
}

/** One UPDATE for every conversation: only the fields its messages changed, and the unread count added to. */
async function updateConversations(tx: Tx, changes: Change[]) {
  const column = <T>(pick: (change: Change) => T) => changes.map(pick);
  const time = (value: Date | null) => value?.toISOString() ?? null;
  const set = (field: keyof FoldedConversation) => column(({ fold }) => fold.changed.has(field));
  const referral = (value: Prisma.InputJsonValue | null) => (value === null ? null : JSON.stringify(value));
  await tx.$executeRaw`
    UPDATE "Conversation" AS c SET
      "unreadCount" = c."unreadCount" + v.unread,
      status = CASE WHEN v.set_status THEN v.status::"ConversationStatus" ELSE c.status END,
      "lastInboundAt" = CASE WHEN v.set_inbound THEN v.inbound::timestamptz AT TIME ZONE 'UTC' ELSE c."lastInboundAt" END,
      "waitingSince" = CASE WHEN v.set_waiting THEN v.waiting::timestamptz AT TIME ZONE 'UTC' ELSE c."waitingSince" END,
      "snoozedUntil" = CASE WHEN v.set_snoozed THEN v.snoozed::timestamptz AT TIME ZONE 'UTC' ELSE c."snoozedUntil" END,
      "lastMessageAt" = CASE WHEN v.set_last THEN v.last::timestamptz AT TIME ZONE 'UTC' ELSE c."lastMessageAt" END,
      "lastMessagePreview" = CASE WHEN v.set_preview THEN v.preview ELSE c."lastMessagePreview" END,
      referral = CASE WHEN v.set_referral THEN v.referral ELSE c.referral END,
      "referralAt" = CASE WHEN v.set_referral_at THEN v.referral_at::timestamptz AT TIME ZONE 'UTC' ELSE c."referralAt" END,
      "updatedAt" = now() AT TIME ZONE 'UTC'
    FROM unnest(
      ${column(({ conversation }) => conversation.id)}::text[], ${column(({ fold }) => fold.unreadAdded)}::int[],
      ${set("status")}::boolean[], ${column(({ fold }) => fold.values.status)}::text[],
      ${set("lastInboundAt")}::boolean[], ${column(({ fold }) => time(fold.values.lastInboundAt))}::text[],
      ${set("waitingSince")}::boolean[], ${column(({ fold }) => time(fold.values.waitingSince))}::text[],
      ${set("snoozedUntil")}::boolean[], ${column(({ fold }) => time(fold.values.snoozedUntil))}::text[],
      ${set("lastMessageAt")}::boolean[], ${column(({ fold }) => time(fold.values.lastMessageAt))}::text[],
      ${set("lastMessagePreview")}::boolean[], ${column(({ fold }) => fold.values.lastMessagePreview)}::text[],
      ${set("referral")}::boolean[], ${column(({ fold }) => referral(fold.values.referral))}::jsonb[],
      ${set("referralAt")}::boolean[], ${column(({ fold }) => time(fold.values.referralAt))}::text[]
    ) AS v(id, unread, set_status, status, set_inbound, inbound, set_waiting, waiting, set_snoozed, snoozed, set_last, last,
           set_preview, preview, set_referral, referral, set_referral_at, referral_at)
    WHERE c.id = v.id`;
}
