import "server-only";
import { csvLine } from "./csv";
import { messageRows, type MessageRowsQuery } from "./message-rows";

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
 * time it was sent): memory stays flat however many rows, and the first bytes leave at once.
 */
export function exportMessages(query: MessageRowsQuery): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvLine(exportHeader)));
      }
      const page = await messageRows({ ...query, cursor, limit: PAGE });
      if (page.items.length) {
        const text = page.items
          .map((row) =>
            csvLine([
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
            ]),
          )
          .join("");
        controller.enqueue(encoder.encode(text));
      }
      if (!page.nextCursor) controller.close();
      else cursor = page.nextCursor;
    },
  });
}
