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
  /** The first two are the demo's agents; a third of conversations go to each, the rest unassigned. */
  agentIds: string[];
  teamIds: string[];
  labelIds: string[];
  now: Date;
  /** Conversations end within this many days before `now` (3 for the inbox, 90 for the statistics). */
  days: number;
};

const MESSAGE_COLUMNS = `id, "channelId", "conversationId", "senderId", direction, type, text, content, "externalId", status, "timestamp",
  "sentAt", "deliveredAt", "readAt", "playedAt", "failedAt", "errorCode", "errorTitle",
  "pricingModel", "pricingType", "pricingCategory", billable, "teamId", "callingCode", "repliedAt", "createdAt", "updatedAt"`;

export async function insertBatch(client: pg.ClientBase, { from, to, context }: { from: number; to: number; context: BatchContext }) {
  const { channelId, agentIds, teamIds, labelIds, now, days } = context;
  const countries = words.customerCountries;
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
         $3::timestamptz - r_last * make_interval(hours => 24 * $9::int) AS last_at,
         status, r_snooze,
         CASE WHEN r_assignee < 2.0 / 3 THEN ($4::text[])[1 + floor(r_assignee * 1.5 * cardinality($4::text[]))::int] END AS assignee_id,
         (SELECT c.code FROM unnest($5::text[], $10::float8[]) AS c(code, upto) WHERE c.upto > r_country ORDER BY c.upto LIMIT 1) AS code,
         CASE WHEN r_team < 0.5 THEN ($6::text[])[1 + floor(r_team * 2 * cardinality($6::text[]))::int] END AS team_id,
         CASE WHEN r_label < 0.2 THEN 1 + floor(r_label_a * 5)::int END AS label1,
         CASE WHEN r_label < 0.05 THEN 1 + (floor(r_label_a * 5)::int + 1 + floor(r_label_b * 4)::int) % 5 END AS label2
       FROM (
         SELECT i, 1 + floor(random() * 19)::int AS n, random() AS r_name, random() AS r_tail, random() AS r_gap, random() AS r_country,
           random() AS r_last, random() AS r_snooze, random() AS r_assignee, random() AS r_team, random() AS r_label,
           random() AS r_label_a, random() AS r_label_b,
           (ARRAY['OPEN','OPEN','OPEN','OPEN','OPEN','OPEN','OPEN','PENDING','PENDING','PENDING','SNOOZED','SNOOZED',
                  'RESOLVED','RESOLVED','RESOLVED','RESOLVED','RESOLVED','RESOLVED','RESOLVED','RESOLVED'])[1 + floor(random() * 20)::int] AS status,
           ($7::text[])[1 + floor(random() * cardinality($7::text[]))::int] AS first_name,
           ($8::text[])[1 + floor(random() * cardinality($8::text[]))::int] AS last_name
         FROM generate_series($1::int, $2::int) AS i
       ) AS drawn`,
      [
        from,
        to,
        now,
        agentIds,
        countries.map((country) => country.code),
        teamIds,
        words.firstNames,
        words.lastNames,
        days,
        cumulative(countries.map((country) => country.share)),
      ],
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
         random() AS r_status, random() AS r_delay, random() AS r_kind, random() AS r_pick, random() AS r_read, random() AS r_fail
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

    // Outbound: a third templates (utility, marketing, authentication in several languages), some
    // interactive, Flow and media messages, the rest text; mostly read, some delivered or sent, a
    // few failed with Meta's common codes, a few still queued. Receipts a few seconds to a day
    // apart (log-uniform), in whole seconds as Meta sends them; some reads skip "delivered"; voice
    // notes are played. Priced as Meta prices them; "replied" when the customer wrote next, after
    // reading. Sent by the assignee, or another agent for unassigned conversations.
    await client.query(
      `CREATE TEMP TABLE large_outbound ON COMMIT DROP AS
       SELECT m.*, c.assignee_id, c.team_id, c.code,
         lead(m.ts) OVER w AS next_ts, coalesce(lead(m.inbound) OVER w, false) AS next_inbound,
         CASE WHEN m.inbound THEN NULL WHEN m.r_kind < 0.30 THEN 'template' WHEN m.r_kind < 0.34 THEN 'interactive'
              WHEN m.r_kind < 0.36 THEN 'flow' WHEN m.r_kind < 0.40 THEN 'image' WHEN m.r_kind < 0.42 THEN 'audio' ELSE 'text' END AS kind,
         1 + floor(m.r_pick * cardinality($1::text[]))::int AS tpl
       FROM large_message m JOIN large_conversation c ON c.conversation_id = m.conversation_id
       WINDOW w AS (PARTITION BY m.conversation_id ORDER BY m.k)`,
      [words.statsTemplates.map((template) => template.name)],
    );
    await client.query(
      `CREATE TEMP TABLE large_timed ON COMMIT DROP AS
       SELECT o.*,
         CASE WHEN o.inbound THEN 'RECEIVED'
              WHEN o.r_status < CASE WHEN o.kind = 'template' THEN 0.04 ELSE 0.015 END THEN 'FAILED'
              WHEN o.r_status > 0.999 THEN 'QUEUED'
              WHEN o.r_read < 0.07 THEN 'SENT' WHEN o.r_read < 0.25 THEN 'DELIVERED'
              WHEN o.kind = 'audio' AND o.r_read > 0.6 THEN 'PLAYED' ELSE 'READ' END AS status,
         date_trunc('second', o.ts + make_interval(secs => 1 + o.r_delay * 2)) AS sent_at,
         exp(ln(600) * o.r_delay ^ 2) AS deliver_s, exp(ln(86400) * o.r_read ^ 1.5) AS read_s,
         ($2::text[])[o.tpl] AS tpl_category, ($3::text[])[o.tpl] AS tpl_language, ($1::text[])[o.tpl] AS tpl_name
       FROM large_outbound o`,
      [
        words.statsTemplates.map((template) => template.name),
        words.statsTemplates.map((template) => template.category),
        words.statsTemplates.map((template) => template.language),
      ],
    );
    await client.query(
      `INSERT INTO "Message" (${MESSAGE_COLUMNS})
       SELECT gen_random_uuid()::text, $1, t.conversation_id,
         CASE WHEN t.inbound THEN NULL ELSE COALESCE(t.assignee_id, ($3::text[])[1 + floor(t.r_pick * cardinality($3::text[]))::int]) END,
         (CASE WHEN t.inbound THEN 'INBOUND' ELSE 'OUTBOUND' END)::"MessageDirection",
         CASE WHEN t.inbound THEN 'text' WHEN t.kind = 'flow' THEN 'interactive' ELSE t.kind END,
         t.text,
         CASE WHEN t.kind = 'template' THEN jsonb_build_object('template', jsonb_build_object('name', t.tpl_name, 'language', jsonb_build_object('code', t.tpl_language)))
              WHEN t.kind = 'flow' THEN '{"interactive":{"type":"flow"}}'::jsonb
              WHEN t.kind = 'interactive' THEN '{"interactive":{"type":"button"}}'::jsonb
              WHEN t.kind IN ('image', 'audio') THEN jsonb_build_object(t.kind, jsonb_build_object('id', 'large-media')) END,
         'wamid.HBgM' || upper(substr(md5(t.conversation_id || '-' || t.k), 1, 24)),
         t.status::"MessageStatus",
         t.ts,
         CASE WHEN t.status IN ('SENT', 'DELIVERED', 'READ', 'PLAYED') THEN t.sent_at END,
         CASE WHEN t.status = 'DELIVERED' OR t.status IN ('READ', 'PLAYED') AND t.r_delay > 0.03 THEN LEAST($2::timestamptz, t.sent_at + make_interval(secs => round(t.deliver_s))) END,
         CASE WHEN t.status IN ('READ', 'PLAYED') THEN r.read_at END,
         CASE WHEN t.status = 'PLAYED' THEN r.read_at + interval '12 seconds' END,
         CASE WHEN t.status = 'FAILED' THEN t.sent_at END,
         CASE WHEN t.status = 'FAILED' THEN e.code END,
         CASE WHEN t.status = 'FAILED' THEN e.title END,
         CASE WHEN t.status IN ('SENT', 'DELIVERED', 'READ', 'PLAYED') THEN 'PMP' END,
         CASE WHEN t.status IN ('SENT', 'DELIVERED', 'READ', 'PLAYED') THEN p.type END,
         CASE WHEN t.status IN ('SENT', 'DELIVERED', 'READ', 'PLAYED') THEN p.category END,
         CASE WHEN t.status IN ('SENT', 'DELIVERED', 'READ', 'PLAYED') THEN p.type = 'regular' END,
         CASE WHEN NOT t.inbound THEN t.team_id END,
         CASE WHEN NOT t.inbound THEN t.code END,
         CASE WHEN t.status IN ('READ', 'PLAYED') AND t.next_inbound AND t.next_ts >= r.read_at AND t.next_ts <= r.read_at + interval '24 hours' THEN t.next_ts END,
         t.ts, t.ts
       FROM large_timed t
       CROSS JOIN LATERAL (SELECT date_trunc('second', LEAST($2::timestamptz,
           CASE WHEN t.next_inbound THEN GREATEST(t.sent_at, LEAST(t.next_ts - interval '5 seconds', t.sent_at + make_interval(secs => round(t.read_s))))
                ELSE t.sent_at + make_interval(secs => round(t.read_s)) END)) AS read_at) AS r
       CROSS JOIN LATERAL (SELECT
           CASE WHEN t.kind <> 'template' THEN 'service' ELSE lower(t.tpl_category) END AS category,
           CASE WHEN t.kind <> 'template' OR lower(t.tpl_category) = 'utility' AND t.r_kind < 0.15 THEN 'free_customer_service' ELSE 'regular' END AS type) AS p
       CROSS JOIN LATERAL (SELECT (ARRAY[131026, 131026, 131026, 131049, 131049, 131047, 130429, 132001, 131050, 131026])[1 + floor(t.r_fail * 10)::int] AS code) AS e0
       CROSS JOIN LATERAL (SELECT e0.code, CASE e0.code WHEN 131026 THEN 'Message undeliverable' WHEN 131049 THEN 'This message was not delivered to maintain healthy ecosystem engagement.'
           WHEN 131047 THEN 'Re-engagement message' WHEN 130429 THEN 'Rate limit hit' WHEN 132001 THEN 'Template name does not exist in the translation'
           ELSE 'User has stopped marketing messages' END AS title) AS e
       ORDER BY t.i, t.k`,
      [channelId, now, agentIds],
    );

    // The team statistics' events, as the database triggers would have written them: each
    // conversation opened, the resolved ones resolved, and every reply to a waiting customer.
    await client.query(
      `INSERT INTO "ConversationEvent" ("conversationId", "channelId", kind, at, "agentId", "teamId", seconds)
       SELECT c.conversation_id, $1, 'opened', c.last_at - (c.n - 1) * c.gap, c.assignee_id, c.team_id, NULL FROM large_conversation c
       UNION ALL
       SELECT c.conversation_id, $1, 'resolved', LEAST($2::timestamptz, c.last_at + interval '5 minutes'), c.assignee_id, c.team_id,
         round(extract(epoch FROM LEAST($2::timestamptz, c.last_at + interval '5 minutes') - (c.last_at - (c.n - 1) * c.gap)))::int
       FROM large_conversation c WHERE c.status = 'RESOLVED'
       UNION ALL
       SELECT o.conversation_id, $1, 'response', o.ts, o.assignee_id, o.team_id, round(extract(epoch FROM o.ts - o.prev_ts))::int
       FROM (SELECT t.*, lag(t.ts) OVER w AS prev_ts, lag(t.inbound) OVER w AS prev_inbound FROM large_timed t
             WINDOW w AS (PARTITION BY t.conversation_id ORDER BY t.k)) AS o
       WHERE NOT o.inbound AND o.prev_inbound`,
      [channelId, now],
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

/** Running totals of shares, for drawing one by a single random number. */
function cumulative(shares: number[]): number[] {
  const total = shares.reduce((sum, share) => sum + share, 0);
  let running = 0;
  return shares.map((share, index) => (index === shares.length - 1 ? 1.0001 : (running += share / total)));
}
