import type pg from "pg";
import type { Plan } from "./load";

// After a chaos run, once nothing waits to be processed, the database must hold everything that was
// acknowledged exactly once: each customer message one row, each receipt one row, each customer
// one contact and one conversation (its unread count and preview those of all its messages), and
// every outbound message's ticks final — read, with its sent, delivered and read times.

export type Counts = {
  bodiesLogged: number;
  bodiesFailed: number;
  /** Bodies whose processing failed as a whole at least once (the database being away does not count). */
  bodiesRetried: number;
  messages: { expected: number; stored: number; missing: number; duplicated: number };
  receipts: { expected: number; stored: number; missing: number; duplicated: number };
  ticksFinal: { expected: number; final: number };
  customers: { expected: number; contacts: number; conversations: number; wrongUnread: number; wrongPreview: number };
};

export async function waitUntilProcessed(client: pg.Client, { timeoutMs = 600_000 } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await client.query<{ waiting: number }>(
      `SELECT count(*)::int AS waiting FROM "WebhookEvent" WHERE state = 'RECEIVED'`,
    );
    if (rows[0]!.waiting === 0) return;
    if (Date.now() > deadline) throw new Error(`${rows[0]!.waiting} webhook bodies still wait to be processed`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function countOutcome(client: pg.Client, channelId: string, plan: Plan): Promise<{ counts: Counts; problems: string[] }> {
  const one = async <T extends pg.QueryResultRow>(sql: string, values: unknown[]) => (await client.query<T>(sql, values)).rows;
  const [logged] = await one<{ logged: number; failed: number; retried: number }>(
    `SELECT count(*)::int AS logged, count(*) FILTER (WHERE state = 'FAILED')::int AS failed,
            count(*) FILTER (WHERE attempts > 0)::int AS retried
     FROM "WebhookEvent"`,
    [],
  );
  const messages = await one<{ copies: number }>(
    `SELECT count(*)::int AS copies FROM "Message" WHERE "channelId" = $1 AND "externalId" = ANY($2::text[]) GROUP BY "externalId"`,
    [channelId, plan.inbound.map((message) => message.wamid)],
  );
  const receipts = await one<{ copies: number }>(
    `SELECT count(*)::int AS copies FROM "MessageStatusEvent" WHERE "channelId" = $1 AND "externalId" = ANY($2::text[])
     GROUP BY "externalId", status`,
    [channelId, plan.outbound],
  );
  const [ticks] = await one<{ final: number }>(
    `SELECT count(*)::int AS final FROM "Message" WHERE "channelId" = $1 AND "externalId" = ANY($2::text[])
       AND status = 'READ' AND "sentAt" IS NOT NULL AND "deliveredAt" IS NOT NULL AND "readAt" IS NOT NULL`,
    [channelId, plan.outbound],
  );

  // Per customer: what their messages should have made of their conversation.
  const expected = new Map<string, { count: number; latest: { at: number; text: string } }>();
  for (const message of plan.inbound) {
    const entry = expected.get(message.waId) ?? { count: 0, latest: message };
    entry.count++;
    if (message.at >= entry.latest.at) entry.latest = message;
    expected.set(message.waId, entry);
  }
  const conversations = await one<{ waId: string; contacts: number; conversations: number; unread: number; preview: string | null }>(
    `SELECT c."waId", count(DISTINCT c.id)::int AS contacts, count(v.id)::int AS conversations,
            max(v."unreadCount")::int AS unread, max(v."lastMessagePreview") AS preview
     FROM "Contact" c LEFT JOIN "Conversation" v ON v."contactId" = c.id
     WHERE c."channelId" = $1 AND c."waId" = ANY($2::text[]) GROUP BY c."waId"`,
    [channelId, [...expected.keys()]],
  );
  let wrongUnread = 0;
  let wrongPreview = 0;
  for (const row of conversations) {
    const want = expected.get(row.waId)!;
    if (row.unread !== want.count) wrongUnread++;
    if (row.preview !== want.latest.text) wrongPreview++;
  }

  const counts: Counts = {
    bodiesLogged: logged!.logged,
    bodiesFailed: logged!.failed,
    bodiesRetried: logged!.retried,
    messages: {
      expected: plan.inbound.length,
      stored: messages.length,
      missing: plan.inbound.length - messages.length,
      duplicated: messages.reduce((sum, row) => sum + row.copies - 1, 0),
    },
    receipts: {
      expected: plan.receipts.length,
      stored: receipts.length,
      missing: plan.receipts.length - receipts.length,
      duplicated: receipts.reduce((sum, row) => sum + row.copies - 1, 0),
    },
    ticksFinal: { expected: plan.outbound.length, final: ticks!.final },
    customers: {
      expected: expected.size,
      contacts: conversations.reduce((sum, row) => sum + row.contacts, 0),
      conversations: conversations.reduce((sum, row) => sum + row.conversations, 0),
      wrongUnread,
      wrongPreview,
    },
  };
  const problems = [
    ...(counts.bodiesFailed ? [`${counts.bodiesFailed} bodies FAILED`] : []),
    ...(counts.bodiesRetried ? [`${counts.bodiesRetried} bodies failed to process as a whole`] : []),
    ...(counts.messages.missing ? [`${counts.messages.missing} messages missing`] : []),
    ...(counts.messages.duplicated ? [`${counts.messages.duplicated} messages stored twice`] : []),
    ...(counts.receipts.missing ? [`${counts.receipts.missing} receipts missing`] : []),
    ...(counts.receipts.duplicated ? [`${counts.receipts.duplicated} receipts stored twice`] : []),
    ...(counts.ticksFinal.final !== counts.ticksFinal.expected
      ? [`${counts.ticksFinal.expected - counts.ticksFinal.final} messages not read`]
      : []),
    ...(counts.customers.contacts !== counts.customers.expected
      ? [`${counts.customers.contacts} contacts for ${counts.customers.expected} customers`]
      : []),
    ...(counts.customers.conversations !== counts.customers.expected
      ? [`${counts.customers.conversations} conversations for ${counts.customers.expected} customers`]
      : []),
    ...(wrongUnread ? [`${wrongUnread} conversations with a wrong unread count`] : []),
    ...(wrongPreview ? [`${wrongPreview} conversations not showing their latest message`] : []),
  ];
  return { counts, problems };
}
