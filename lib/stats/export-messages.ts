import "server-only";
import { csvLine } from "./csv";
import { messageRows, type MessageRow, type MessageRowsQuery } from "./message-rows";

const PAGE = 5_000;
export const exportHeader = [
  "message_id",
  "conversation_id",
  "created_at",
  "inbox",
  "agent",
  "contact_name",
  "contact_number",
  "kind",
  "template",
  "status",
  "error_code",
  "sent_at",
  "delivered_at",
  "read_at",
];

/**
 * Every outbound message of the range as CSV, newest first, streamed page by page (keyset on the
 * time it was sent): memory stays flat however many rows, and the first bytes leave at once. The
 * next page is read while this one is written out, so PostgreSQL and the formatting overlap.
 */
export function exportMessages(query: MessageRowsQuery): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pageAfter = (cursor?: string) => {
    const page = messageRows({ ...query, cursor, limit: PAGE });
    // Awaited by the next pull; until then a failure must not count as unhandled.
    page.catch(() => {});
    return page;
  };
  let next: ReturnType<typeof messageRows> | null = null;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvLine(exportHeader)));
      next = pageAfter();
    },
    async pull(controller) {
      const page = await next!;
      next = page.nextCursor ? pageAfter(page.nextCursor) : null;
      if (page.items.length) controller.enqueue(encoder.encode(page.items.map(exportLine).join("")));
      if (!next) controller.close();
    },
  });
}

function exportLine(row: MessageRow): string {
  return csvLine([
    row.messageId,
    row.conversationId,
    row.createdAt,
    row.inbox,
    row.agent,
    row.contactName,
    row.contactNumber,
    row.kind,
    row.template,
    row.status,
    row.errorCode,
    row.sentAt,
    row.deliveredAt,
    row.readAt,
  ]);
}
