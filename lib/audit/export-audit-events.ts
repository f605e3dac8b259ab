import "server-only";
import type { Translate } from "@/lib/i18n/phrase";
import { readerWords } from "@/lib/i18n/reader-words";
import type { AuditFilter } from "./audit-filter";
import { csvLine } from "./csv";
import { recordAudit } from "./record-audit";
import { allAuditEvents } from "./list-audit-events";
import type { AuditLogItem } from "./serialize-audit-event";

// The filtered audit log as a file, produced page by page as the client reads it (a pull stream:
// the next page is queried only when the previous one has been taken), so memory stays flat
// whatever the trail's length. CSV for spreadsheets, JSON Lines (one event per line, the API's
// shape) for tools. Summaries and action names are in the language of the admin who exports.

export type ExportFormat = "csv" | "jsonl";

const CSV_COLUMNS = [
  "seq",
  "id",
  "at",
  "actor_id",
  "actor",
  "action",
  "summary",
  "target_type",
  "target_id",
  "target",
  "ip",
  "reason",
  "before",
  "after",
];

function csvRow(item: AuditLogItem): string {
  return csvLine([
    item.seq,
    item.id,
    item.at,
    item.actor.id,
    item.actor.name,
    item.action,
    item.summary,
    item.target.type,
    item.target.id,
    item.target.name,
    item.ip,
    item.reason,
    item.before,
    item.after,
  ]);
}

/**
 * Records that the log was taken out (who, which filter, which format) before the first byte, then
 * streams it. The export's own event is part of what it exports when the filter matches it.
 */
export async function exportAuditEvents({
  filter,
  format,
  actor,
}: {
  filter: AuditFilter;
  format: ExportFormat;
  actor: { id: string; name: string };
}): Promise<ReadableStream<Uint8Array>> {
  await recordAudit({
    actor: { id: actor.id, label: actor.name },
    action: "audit.exported",
    target: { type: "audit_log", id: "main" },
    after: { format, filter },
  });
  // Decided now: the stream is read after the request's handler has returned.
  const { t } = await readerWords();
  return exportStream({ filter, format, t });
}

function exportStream({ filter, format, t }: { filter: AuditFilter; format: ExportFormat; t: Translate }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pages = allAuditEvents({ filter, t });
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started && format === "csv") {
        started = true;
        // A byte-order mark, so spreadsheet programs read the names as UTF-8.
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(CSV_COLUMNS)}`));
        return;
      }
      started = true;
      const next = await pages.next();
      if (next.done) return controller.close();
      const text = next.value.map((item) => (format === "csv" ? csvRow(item) : `${JSON.stringify(item)}\n`)).join("");
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}

export function exportFileName(format: ExportFormat, now = new Date()): string {
  return `audit-log-${now.toISOString().slice(0, 19).replace(/[:T]/g, "-")}.${format}`;
}
