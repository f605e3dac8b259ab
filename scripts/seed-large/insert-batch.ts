import type pg from "pg";
import * as words from "./words";

// One batch of the large seed, set-based: conversation parameters and their messages are drawn
// into temporary tables, and contacts, conversations, messages and labels are inserted from them,
// so every conversation's last message, preview, window, waiting time and unread count agree with
// its messages. One transaction per batch: a batch is in completely or not at all.

/** The large set's contacts have 12-digit numbers starting with this prefix; nothing else does. */
export const WA_ID_PREFIX = "990";

export type BatchContext = {
  channelId: string;
  agentIds: [string, string];
  teamIds: string[];
  labelIds: string[];
  now: Date;
};

const MESSAGE_COLUMNS = `id, "channelId", "conversationId", "senderId", direction, type, text, "externalId", status, "timestamp",
  "sentAt", "deliveredAt", "readAt", "failedAt", "errorCode", "errorTitle",
  "pricingModel", "pricingType", "pricingCategory", billable, "createdAt", "updatedAt"`;

export async function insertBatch(client: pg.ClientBase, { from, to, context }: { from: number; to: number; context: BatchContext }) {
  const { channelId, agentIds, teamIds, labelIds, now } = context;
  await client.query("BEGIN");
  try {
    // Per conversation: who, how many messages (1–19), how many unanswered customer messages end
    // it (resolved ones end with the business's reply), how far apart, when the last one was (the
    // last 3 days, so every window state occurs), status, assignee (a third each), team, labels.
    await client.query(
      `CREATE TEMP TABLE large_conversation ON COMMIT DROP AS
       SELECT i,
         'c' || substr(md5('switchboard-large-contact-' || i), 1, 24) AS contact_id,
         'c' || substr(md5('switchboard-large-conversation-' || i), 1, 24) AS conversation_id,
         '${WA_ID_PREFIX}' || lpad(((i::bigint * 7990271 + 123456789) % 1000000000)::text, 9, '0') AS wa_id,
         first_name, CASE WHEN r_name < 0.02 THEN NULL ELSE first_name || ' ' || last_name END AS name,
         n,
         LEAST(n, CASE WHEN status = 'RESOLVED' OR r_tail < 0.5 THEN 0 WHEN r_tail < 0.8 THEN 1 WHEN r_tail < 0.93 THEN 2 ELSE 3 END) AS tail,
         make_interval(secs => 30 + r_gap * 2400) AS gap,
         $3::timestamptz - r_last * interval '72 hours' AS last_at,
         status, r_snooze,
         CASE WHEN r_assignee < 1.0 / 3 THEN $4 WHEN r_assignee < 2.0 / 3 THEN $5 END AS assignee_id,
         CASE WHEN r_team < 0.5 THEN ($6::text[])[1 + floor(r_team * 2 * cardinality($6::text[]))::int] END AS team_id,
         CASE WHEN r_label < 0.2 THEN 1 + floor(r_label_a * 5)::int END AS label1,
         CASE WHEN r_label < 0.05 THEN 1 + (floor(r_label_a * 5)::int + 1 + floor(r_label_b * 4)::int) % 5 END AS label2
       FROM (
         SELECT i, 1 + floor(random() * 19)::int AS n, random() AS r_name, random() AS r_tail, random() AS r_gap,
           random() AS r_last, random() AS r_snooze, random() AS r_assignee, random() AS r_team, random() AS r_label,
           random() AS r_label_a, random() AS r_label_b,
           (ARRAY['OPEN','OPEN','OPEN','OPEN','OPEN','OPEN','OPEN','PENDING','PENDING','PENDING','SNOOZED','SNOOZED',
                  'RESOLVED','RESOLVED','RESOLVED','RESOLVED','RESOLVED','RESOLVED','RESOLVED','RESOLVED'])[1 + floor(random() * 20)::int] AS status,
           ($7::text[])[1 + floor(random() * cardinality($7::text[]))::int] AS first_name,
           ($8::text[])[1 + floor(random() * cardinality($8::text[]))::int] AS last_name
         FROM generate_series($1::int, $2::int) AS i
       ) AS drawn`,
      [from, to, now, agentIds[0], agentIds[1], teamIds, words.firstNames, words.lastNames],
    );

    // Messages alternate, oldest first; the last `tail` are the customer's and still unanswered.
    await client.query(
      `CREATE TEMP TABLE large_message ON COMMIT DROP AS
       SELECT c.conversation_id, c.i, m.k, m.inbound,
         c.last_at - (c.n - m.k) * c.gap AS ts,
         CASE
           WHEN random() < 1.0 / $8 THEN ($7::text[])[CASE WHEN m.inbound THEN 1 ELSE 2 END]
           ELSE format(
             CASE WHEN m.inbound THEN ($1::text[])[1 + floor(random() * cardinality($1::text[]))::int]
                  ELSE ($2::text[])[1 + floor(random() * cardinality($2::text[]))::int] END,
             c.first_name,
             ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int],
             (40000 + floor(random() * 60000)::int)::text,
             ($4::text[])[1 + floor(random() * cardinality($4::text[]))::int],
             ($5::text[])[1 + floor(random() * cardinality($5::text[]))::int],
             ($6::text[])[1 + floor(random() * cardinality($6::text[]))::int])
         END AS text,
         random() AS r_status, random() AS r_delay
       FROM large_conversation c
       CROSS JOIN LATERAL (
         SELECT k, (k > c.n - c.tail OR (c.n - c.tail - k) % 2 = 1) AS inbound FROM generate_series(1, c.n) AS k
       ) AS m`,
      [
        words.customerTexts,
        words.agentTexts,
        words.products,
        words.colours,
        words.places,
        words.weekdays,
        words.rareTexts,
        words.RARE_ONE_IN,
      ],
    );

    await client.query(
      `INSERT INTO "Contact" (id, "channelId", "waId", name, "createdAt", "updatedAt")
       SELECT contact_id, $1, wa_id, name, last_at - (n - 1) * gap, last_at FROM large_conversation`,
      [channelId],
    );

    // Window, waiting time and unread count come from the messages themselves.
    await client.query(
      `INSERT INTO "Conversation" (id, "inboxId", "contactId", "assigneeId", "teamId", status, "snoozedUntil", "resolvedAt",
         "waitingSince", "unreadCount", "lastMessageAt", "lastMessagePreview", "lastInboundAt", "createdAt", "updatedAt")
       SELECT c.conversation_id, (SELECT id FROM "Inbox" WHERE "channelId" = $1), c.contact_id, c.assignee_id, c.team_id, c.status::"ConversationStatus",
         CASE WHEN c.status = 'SNOOZED' THEN $2::timestamptz + c.r_snooze * interval '48 hours' END,
         CASE WHEN c.status = 'RESOLVED' THEN LEAST($2::timestamptz, c.last_at + interval '5 minutes') END,
         s.waiting_since, s.unread, c.last_at, last.text, s.last_inbound, s.first_at, c.last_at
       FROM large_conversation c
       JOIN large_message last ON last.conversation_id = c.conversation_id AND last.k = c.n
       JOIN (
         SELECT conversation_id, min(ts) AS first_at, max(ts) FILTER (WHERE inbound) AS last_inbound,
           min(ts) FILTER (WHERE inbound AND k > last_reply) AS waiting_since,
           count(*) FILTER (WHERE inbound AND k > last_reply)::int AS unread
         FROM (SELECT *, COALESCE(max(k) FILTER (WHERE NOT inbound) OVER (PARTITION BY conversation_id), 0) AS last_reply FROM large_message) AS m
         GROUP BY conversation_id
       ) AS s ON s.conversation_id = c.conversation_id`,
      [channelId, now],
    );

    // Outbound: mostly read, some delivered or sent, a few failed; sent by the assignee.
    await client.query(
      `INSERT INTO "Message" (${MESSAGE_COLUMNS})
       SELECT gen_random_uuid()::text, $1, m.conversation_id,
         CASE WHEN m.inbound THEN NULL ELSE COALESCE(c.assignee_id, $3) END,
         (CASE WHEN m.inbound THEN 'INBOUND' ELSE 'OUTBOUND' END)::"MessageDirection", 'text', m.text,
         'wamid.HBgM' || upper(substr(md5(m.conversation_id || '-' || m.k), 1, 24)),
         (CASE WHEN m.inbound THEN 'RECEIVED' WHEN m.r_status < 0.88 THEN 'READ' WHEN m.r_status < 0.96 THEN 'DELIVERED'
               WHEN m.r_status < 0.99 THEN 'SENT' ELSE 'FAILED' END)::"MessageStatus",
         m.ts,
         CASE WHEN NOT m.inbound AND m.r_status < 0.99 THEN m.ts END,
         CASE WHEN NOT m.inbound AND m.r_status < 0.96 THEN LEAST($2::timestamptz, m.ts + make_interval(secs => 1 + m.r_delay * 20)) END,
         CASE WHEN NOT m.inbound AND m.r_status < 0.88 THEN LEAST($2::timestamptz, m.ts + make_interval(secs => 30 + m.r_delay * 3600)) END,
         CASE WHEN NOT m.inbound AND m.r_status >= 0.99 THEN m.ts + interval '2 seconds' END,
         CASE WHEN NOT m.inbound AND m.r_status >= 0.99 THEN 131026 END,
         CASE WHEN NOT m.inbound AND m.r_status >= 0.99 THEN 'Message undeliverable' END,
         CASE WHEN m.inbound THEN NULL ELSE 'PMP' END,
         CASE WHEN m.inbound THEN NULL ELSE 'free_customer_service' END,
         CASE WHEN m.inbound THEN NULL ELSE 'service' END,
         CASE WHEN m.inbound THEN NULL ELSE false END,
         m.ts, m.ts
       FROM large_message m JOIN large_conversation c ON c.conversation_id = m.conversation_id
       ORDER BY m.i, m.k`,
      [channelId, now, agentIds[0]],
    );

    // A second label a minute after the first: labels are listed in the order they were added.
    await client.query(
      `INSERT INTO "ConversationLabel" ("conversationId", "labelId", "createdAt")
       SELECT conversation_id, ($1::text[])[label], last_at - (2 - position) * interval '1 minute' FROM large_conversation
       CROSS JOIN LATERAL unnest(ARRAY[label1, label2]) WITH ORDINALITY AS labels(label, position) WHERE label IS NOT NULL`,
      [labelIds],
    );
    const { rows } = await client.query<{ count: string }>("SELECT count(*) FROM large_message");
    await client.query("COMMIT");
    return { conversations: to - from + 1, messages: Number(rows[0]!.count) };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
