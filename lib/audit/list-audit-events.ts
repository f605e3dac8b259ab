import "server-only";
import { db } from "@/lib/db/client";

// The recent audit events, newest first, a page at a time (by seq, so pages stay stable while new
// events arrive). Deliberately plain: time, actor, action, target, reason.

export type AuditEventDto = {
  id: string;
  seq: string;
  createdAt: string;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string;
  reason: string | null;
};

export async function listAuditEvents({ before, limit = 50 }: { before?: bigint; limit?: number } = {}): Promise<{
  items: AuditEventDto[];
  nextBefore: string | null;
}> {
  const take = Math.min(Math.max(limit, 1), 200);
  const rows = await db.auditEvent.findMany({
    where: before === undefined ? {} : { seq: { lt: before } },
    orderBy: { seq: "desc" },
    take: take + 1,
    select: { id: true, seq: true, createdAt: true, actorLabel: true, action: true, targetType: true, targetId: true, reason: true },
  });
  const page = rows.slice(0, take);
  return {
    items: page.map((row) => ({ ...row, seq: row.seq.toString(), createdAt: row.createdAt.toISOString() })),
    nextBefore: rows.length > take ? page[page.length - 1]!.seq.toString() : null,
  };
}
