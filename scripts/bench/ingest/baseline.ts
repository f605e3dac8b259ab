import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Send } from "./load";
import { statusReceipt, type InboundEvent, type StatusEvent } from "./workload";

// The floor to compare with: the same writes a webhook causes, done by a bare pg client in one
// transaction per event, with no HTTP, no framework and no ORM. An inbound message upserts its
// contact (the upsert also locks the row, serialising one customer's messages), finds or opens the
// conversation, inserts the message and updates the conversation; a receipt inserts its
// MessageStatusEvent and moves the message forward. Duplicates are no-ops, as in the product.

export function baselineSender({ pool, channelId }: { pool: pg.Pool; channelId: string }): Send {
  return async (event) => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      if (event.kind === "inbound") await inbound(client, channelId, event);
      else await status(client, channelId, event);
      await client.query("COMMIT");
      return { ok: true };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    } finally {
      client.release();
    }
  };
}

async function inbound(client: pg.PoolClient, channelId: string, event: InboundEvent) {
  const at = new Date(event.timestamp * 1000);
  const contact = await client.query<{ id: string }>(
    `INSERT INTO "Contact" (id, "channelId", "waId", bsuid, name, "createdAt", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, now(), now())
     ON CONFLICT ("channelId", "waId") DO UPDATE SET name = EXCLUDED.name
     RETURNING id`,
    [randomUUID(), channelId, event.customer.waId, event.customer.bsuid, event.customer.name],
  );
  const contactId = contact.rows[0]!.id;
  let conversation = await client.query<{ id: string }>(
    `SELECT id FROM "Conversation" WHERE "contactId" = $1 AND status <> 'RESOLVED' ORDER BY "createdAt" DESC LIMIT 1`,
    [contactId],
  );
  if (!conversation.rows[0]) {
    conversation = await client.query<{ id: string }>(
      `INSERT INTO "Conversation" (id, "inboxId", "contactId", status, "unreadCount", "lastMessageAt", "createdAt", "updatedAt")
       VALUES ($1, (SELECT id FROM "Inbox" WHERE "channelId" = $2), $3, 'OPEN', 0, $4, now(), now()) RETURNING id`,
      [randomUUID(), channelId, contactId, at],
    );
  }
  const conversationId = conversation.rows[0]!.id;
  const inserted = await client.query(
    `INSERT INTO "Message" (id, "channelId", "conversationId", direction, type, text, content, "externalId", status, "timestamp", "createdAt", "updatedAt")
     VALUES ($1, $2, $3, 'INBOUND', 'text', $4, $5, $6, 'RECEIVED', $7, now(), now())
     ON CONFLICT ("channelId", "externalId") DO NOTHING RETURNING id`,
    [randomUUID(), channelId, conversationId, event.text, JSON.stringify({ text: { body: event.text } }), event.wamid, at],
  );
  if (!inserted.rowCount) return;
  await client.query(
    `UPDATE "Conversation" SET "unreadCount" = "unreadCount" + 1, status = 'OPEN',
       "lastInboundAt" = greatest("lastInboundAt", $2),
       "lastMessagePreview" = CASE WHEN $2 >= "lastMessageAt" THEN $3 ELSE "lastMessagePreview" END,
       "lastMessageAt" = greatest("lastMessageAt", $2), "updatedAt" = now()
     WHERE id = $1 RETURNING *`,
    [conversationId, at, event.text],
  );
}

const timestampColumn = { sent: "sentAt", delivered: "deliveredAt", read: "readAt" } as const;

async function status(client: pg.PoolClient, channelId: string, event: StatusEvent) {
  const at = new Date(event.timestamp * 1000);
  const receipt = statusReceipt(event);
  const inserted = await client.query(
    `INSERT INTO "MessageStatusEvent" (id, "channelId", "externalId", status, "timestamp", "recipientId", payload, "createdAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, now())
     ON CONFLICT ("channelId", "externalId", status) DO NOTHING RETURNING id`,
    [randomUUID(), channelId, event.wamid, event.status, at, event.recipientWaId, JSON.stringify(receipt)],
  );
  if (!inserted.rowCount) return;
  // Enum order is RECEIVED < QUEUED < SENT < DELIVERED < READ < PLAYED < FAILED: greatest() moves
  // the status forward only, and FAILED stays terminal.
  const column = timestampColumn[event.status];
  await client.query(
    `UPDATE "Message" SET
       status = CASE WHEN status = 'FAILED' THEN status ELSE greatest(status, $3::"MessageStatus") END,
       "${column}" = coalesce("${column}", $4),
       "pricingModel" = $5, "pricingType" = $6, "pricingCategory" = $7, billable = $8, "updatedAt" = now()
     WHERE "channelId" = $1 AND "externalId" = $2 AND direction = 'OUTBOUND' RETURNING *`,
    [
      channelId,
      event.wamid,
      event.status.toUpperCase(),
      at,
      receipt.pricing.pricing_model,
      receipt.pricing.type,
      receipt.pricing.category,
      receipt.pricing.billable,
    ],
  );
}
