import { db } from "@/lib/db/client";
import { auditHash } from "./record-audit";

/** Walks the whole trail; returns the first event whose hash or link does not match, if any. */
export async function verifyAuditChain(): Promise<{ ok: true; events: number } | { ok: false; brokenAt: string; events: number }> {
  let prevHash = "0".repeat(64);
  let count = 0;
  let cursor: bigint | undefined;
  for (;;) {
    const page = await db.auditEvent.findMany({
      where: cursor === undefined ? {} : { seq: { gt: cursor } },
      orderBy: { seq: "asc" },
      take: 1000,
    });
    if (page.length === 0) return { ok: true, events: count };
    for (const event of page) {
      const fields = {
        actorId: event.actorId,
        actorLabel: event.actorLabel,
        action: event.action,
        targetType: event.targetType,
        targetId: event.targetId,
        reason: event.reason,
        before: event.before ?? null,
        after: event.after ?? null,
        createdAt: event.createdAt.toISOString(),
      };
      if (event.prevHash !== prevHash || auditHash(prevHash, fields) !== event.hash) {
        return { ok: false, brokenAt: event.id, events: count };
      }
      prevHash = event.hash;
      count++;
      cursor = event.seq;
    }
  }
}
