import type pg from "pg";
import type { OutboundPool } from "./workload";

// Outbound messages with known wamids, written straight into the database before a phase (status
// SENT, as if the Graph API had accepted them), spread over a few conversations that the agents'
// sockets join, so the status receipts of the run have messages to apply to.

export async function channelId(client: pg.Client, phoneNumberId: string): Promise<string> {
  const { rows } = await client.query<{ id: string }>(`SELECT id FROM "Channel" WHERE "phoneNumberId" = $1`, [phoneNumberId]);
  if (!rows[0]) throw new Error(`no channel with phone_number_id ${phoneNumberId}: was the demo seeded?`);
  return rows[0].id;
}

/** The channel a bare database needs (the baseline's; Switchboard's comes from the demo seed). */
export async function createChannel(client: pg.Client, channel: { phoneNumberId: string; wabaId: string }): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `WITH channel AS (
       INSERT INTO "Channel" (id, "phoneNumberId", "displayPhoneNumber", "wabaId", "createdAt", "updatedAt")
       VALUES (gen_random_uuid()::text, $1, '15550100200', $2, now(), now()) RETURNING id)
     INSERT INTO "Inbox" (id, name, "channelId", "createdAt", "updatedAt")
     SELECT gen_random_uuid()::text, 'Bench', id, now(), now() FROM channel RETURNING "channelId" AS id`,
    [channel.phoneNumberId, channel.wabaId],
  );
  return rows[0]!.id;
}

export type StatusConversations = { conversationIds: string[]; recipientWaIds: string[] };

/** A few open conversations, each with its own contact, to hold the outbound messages. */
export async function prepareConversations({
  client,
  channelId,
  count,
}: {
  client: pg.Client;
  channelId: string;
  count: number;
}): Promise<StatusConversations> {
  const { rows } = await client.query<{ id: string; waId: string }>(
    `WITH contacts AS (
       INSERT INTO "Contact" (id, "channelId", "waId", name, "createdAt", "updatedAt")
       SELECT gen_random_uuid()::text, $1, '1666' || lpad(g::text, 7, '0'), 'Bench recipient ' || g, now(), now()
       FROM generate_series(0, $2 - 1) g
       RETURNING id, "waId")
     INSERT INTO "Conversation" (id, "inboxId", "contactId", status, "unreadCount", "lastMessageAt", "createdAt", "updatedAt")
     SELECT gen_random_uuid()::text, (SELECT id FROM "Inbox" WHERE "channelId" = $1), contacts.id, 'OPEN', 0, now(), now(), now() FROM contacts
     RETURNING id, (SELECT "waId" FROM contacts WHERE contacts.id = "contactId") AS "waId"`,
    [channelId, count],
  );
  return { conversationIds: rows.map((row) => row.id), recipientWaIds: rows.map((row) => row.waId) };
}

/**
 * `count` outbound messages (status SENT) with wamids `wamid.bench.<tag>.out.<n>`, round-robin over
 * the conversations. They are made to look like a live inbox, where a receipt follows its send
 * within seconds, rather than a backlog of tens of thousands of messages nobody has heard about:
 * timestamps run backwards from now (receipts arrive in wamid order, so a message's newer
 * neighbours have had theirs), and they carry the pricing the receipts will repeat (so planner
 * statistics don't see every outbound message unpriced).
 */
export async function prepareOutbound({
  client,
  channelId,
  conversations,
  tag,
  count,
}: {
  client: pg.Client;
  channelId: string;
  conversations: StatusConversations;
  tag: string;
  count: number;
}): Promise<OutboundPool> {
  const { conversationIds, recipientWaIds } = conversations;
  await client.query(
    `INSERT INTO "Message" (id, "channelId", "conversationId", direction, type, text, status, "externalId", "timestamp", "createdAt", "updatedAt",
                            "pricingModel", "pricingType", "pricingCategory", billable)
     SELECT gen_random_uuid()::text, $1, ($2::text[])[1 + g % $3], 'OUTBOUND', 'text', 'Bench reply ' || g, 'SENT',
            $4 || g, now() - g * interval '1 millisecond', now(), now(), 'PMP', 'free_customer_service', 'service', false
     FROM generate_series(0, $5 - 1) g`,
    [channelId, conversationIds, conversationIds.length, outboundPrefix(tag), count],
  );
  // Fresh statistics, as a live database has: the planner should not see an empty table.
  await client.query(`ANALYZE "Message", "Conversation", "Contact"`);
  const wamids = Array.from({ length: count }, (_, index) => `${outboundPrefix(tag)}${index}`);
  return { wamids, recipientWaIds: wamids.map((_, index) => recipientWaIds[index % recipientWaIds.length]!) };
}

function outboundPrefix(tag: string) {
  return `wamid.bench.${tag}.out.`;
}
