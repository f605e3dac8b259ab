import "server-only";
import { db } from "@/lib/db/client";
import type { Translate } from "@/lib/i18n/phrase";
import { readerWords } from "@/lib/i18n/reader-words";
import type { AuditFilter } from "./audit-filter";
import { auditPageIds } from "./audit-query";
import { serializeAuditEvents, auditEventSelect, type AuditLogItem } from "./serialize-audit-event";

// The audit log a page at a time: filtered, searched, newest first. `nextCursor` is the last
// event's seq, given back as `cursor` for the next (older) page; null on the last page. Worded in
// the reader's language (`t`, else the request's).

export type AuditLogPage = { items: AuditLogItem[]; nextCursor: string | null };

export async function listAuditEvents({
  filter = {},
  cursor,
  limit = 50,
  t,
}: {
  filter?: AuditFilter;
  cursor?: string;
  limit?: number;
  t?: Translate;
} = {}): Promise<AuditLogPage> {
  const take = Math.min(Math.max(limit, 1), 1_000);
  const ids = await auditPageIds({ filter, before: cursor === undefined ? undefined : BigInt(cursor), take: take + 1 });
  const page = ids.slice(0, take);
  const rows = page.length
    ? await db.auditEvent.findMany({ where: { id: { in: page.map((row) => row.id) } }, orderBy: { seq: "desc" }, select: auditEventSelect })
    : [];
  return {
    items: await serializeAuditEvents(rows, t ?? (await readerWords()).t),
    nextCursor: ids.length > take ? page[page.length - 1]!.seq.toString() : null,
  };
}

/** Every event the filter matches, newest first, a page at a time (for the export). */
export async function* allAuditEvents({
  filter,
  pageSize = 500,
  t,
}: {
  filter: AuditFilter;
  pageSize?: number;
  t: Translate;
}): AsyncGenerator<AuditLogItem[]> {
  let cursor: string | undefined;
  do {
    const page = await listAuditEvents({ filter, cursor, limit: pageSize, t });
    if (page.items.length) yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
