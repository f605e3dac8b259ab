import type pg from "pg";
import type { PhaseResult } from "./load";
import type { ReceiptStatus } from "./workload";

// After a phase, the database must hold every acknowledged event exactly once: each accepted inbound
// wamid as one Message row, each accepted receipt as one MessageStatusEvent row and reflected on
// its message (its timestamp set, the status at least that far), and no customer with two open
// conversations. A receipt is lost when it is not stored or not applied (notApplied: stored only).

export type Verdict = {
  lost: number;
  duplicated: number;
  inbound: { accepted: number; lost: number; duplicated: number };
  receipts: { accepted: number; lost: number; duplicated: number; notApplied: number };
  wamidsRead: { expected: number; read: number };
  duplicateOpenConversations: number;
};

const rank: Record<string, number> = { RECEIVED: 0, QUEUED: 1, SENT: 2, DELIVERED: 3, READ: 4, PLAYED: 5 };
const receiptRank: Record<ReceiptStatus, number> = { sent: 2, delivered: 3, read: 4 };
const receiptField = { sent: "sentAt", delivered: "deliveredAt", read: "readAt" } as const;

export async function verifyPhase({
  client,
  channelId,
  result,
}: {
  client: pg.Client;
  channelId: string;
  result: Pick<PhaseResult, "acceptedInbound" | "acceptedReceipts">;
}): Promise<Verdict> {
  const inbound = await client.query<{ externalId: string; copies: number }>(
    `SELECT "externalId", count(*)::int AS copies FROM "Message"
     WHERE "channelId" = $1 AND "externalId" = ANY($2::text[]) GROUP BY 1`,
    [channelId, result.acceptedInbound],
  );
  const inboundLost = result.acceptedInbound.length - inbound.rows.length;
  const inboundDuplicated = inbound.rows.reduce((sum, row) => sum + row.copies - 1, 0);

  const wamids = [...new Set(result.acceptedReceipts.map((receipt) => receipt.wamid))];
  const events = await client.query<{ externalId: string; status: string; copies: number }>(
    `SELECT "externalId", status, count(*)::int AS copies FROM "MessageStatusEvent"
     WHERE "channelId" = $1 AND "externalId" = ANY($2::text[]) GROUP BY 1, 2`,
    [channelId, wamids],
  );
  const copies = new Map(events.rows.map((row) => [`${row.externalId} ${row.status}`, row.copies]));
  const messages = await client.query<{
    externalId: string;
    status: string;
    sentAt: Date | null;
    deliveredAt: Date | null;
    readAt: Date | null;
  }>(
    `SELECT "externalId", status, "sentAt", "deliveredAt", "readAt" FROM "Message"
     WHERE "channelId" = $1 AND "externalId" = ANY($2::text[])`,
    [channelId, wamids],
  );
  const byWamid = new Map(messages.rows.map((row) => [row.externalId, row]));

  let receiptsLost = 0;
  let receiptsDuplicated = 0;
  let notApplied = 0;
  const readExpected = new Set<string>();
  for (const { wamid, status } of result.acceptedReceipts) {
    const stored = copies.get(`${wamid} ${status}`) ?? 0;
    if (stored > 1) receiptsDuplicated += stored - 1;
    if (status === "read") readExpected.add(wamid);
    const message = byWamid.get(wamid);
    const applied = message && message[receiptField[status]] && (rank[message.status] ?? -1) >= receiptRank[status];
    if (stored === 0 || !applied) receiptsLost++;
    if (stored > 0 && !applied) notApplied++;
  }
  let read = 0;
  for (const wamid of readExpected) if (byWamid.get(wamid)?.status === "READ") read++;

  const conversations = await client.query<{ duplicates: number }>(
    `SELECT coalesce(sum(open - 1), 0)::int AS duplicates FROM (
       SELECT count(*) AS open FROM "Conversation" WHERE "inboxId" = (SELECT id FROM "Inbox" WHERE "channelId" = $1) AND status <> 'RESOLVED'
       GROUP BY "contactId" HAVING count(*) > 1) AS extra`,
    [channelId],
  );

  const duplicateOpenConversations = conversations.rows[0]?.duplicates ?? 0;
  return {
    lost: inboundLost + receiptsLost,
    duplicated: inboundDuplicated + receiptsDuplicated + duplicateOpenConversations,
    inbound: { accepted: result.acceptedInbound.length, lost: inboundLost, duplicated: inboundDuplicated },
    receipts: { accepted: result.acceptedReceipts.length, lost: receiptsLost, duplicated: receiptsDuplicated, notApplied },
    wamidsRead: { expected: readExpected.size, read },
    duplicateOpenConversations,
  };
}
