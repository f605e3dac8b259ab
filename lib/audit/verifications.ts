import "server-only";
import { db, type AuditVerification } from "@/lib/db/client";
import { isChainProblem, type ChainProblem } from "./problems";

// Past checks of the audit chain, as the settings page and GET /api/audit/verify show them. A
// failed check carries the event it stopped at, looked up again so the page can show what it was.

export type BrokenEventDto = {
  id: string;
  seq: string;
  createdAt: string;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string;
  reason: string | null;
  ip: string | null;
};

export type FirstBrokenDto = {
  id: string;
  seq: string;
  problem: ChainProblem | null;
  /** The event as it is now; null when it is no longer in the trail. */
  event: BrokenEventDto | null;
};

export type AuditVerificationDto = {
  id: string;
  trigger: "schedule" | "admin";
  actorName: string | null;
  ok: boolean;
  /** Events found intact (before the break, if any); `events` is the same number. */
  checked: number;
  firstBroken: FirstBrokenDto | null;
  events: number;
  problem: ChainProblem | null;
  brokenEventId: string | null;
  brokenSeq: string | null;
  /** Null when the check passed, or when the event it stopped at is no longer there. */
  brokenEvent: BrokenEventDto | null;
  startedAt: string;
  finishedAt: string;
};

export async function listAuditVerifications({ limit = 20 }: { limit?: number } = {}): Promise<AuditVerificationDto[]> {
  const rows = await db.auditVerification.findMany({
    orderBy: { finishedAt: "desc" },
    take: Math.min(Math.max(limit, 1), 100),
    include: { actor: { select: { name: true } } },
  });
  return serializeVerifications(rows);
}

export async function serializeVerifications(
  rows: (AuditVerification & { actor: { name: string } | null })[],
): Promise<AuditVerificationDto[]> {
  const brokenIds = [...new Set(rows.flatMap((row) => (row.brokenEventId ? [row.brokenEventId] : [])))];
  const events = brokenIds.length ? await db.auditEvent.findMany({ where: { id: { in: brokenIds } } }) : [];
  const byId = new Map(events.map((event) => [event.id, event]));
  return rows.map((row) => {
    const event = row.brokenEventId ? byId.get(row.brokenEventId) : undefined;
    const problem = isChainProblem(row.problem) ? row.problem : null;
    const brokenEvent: BrokenEventDto | null = event
      ? {
          id: event.id,
          seq: event.seq.toString(),
          createdAt: event.createdAt.toISOString(),
          actorLabel: event.actorLabel,
          action: event.action,
          targetType: event.targetType,
          targetId: event.targetId,
          reason: event.reason,
          ip: event.ip,
        }
      : null;
    return {
      id: row.id,
      trigger: row.trigger === "admin" ? "admin" : "schedule",
      actorName: row.actor?.name ?? null,
      ok: row.ok,
      checked: row.events,
      firstBroken: row.brokenEventId ? { id: row.brokenEventId, seq: row.brokenSeq?.toString() ?? "", problem, event: brokenEvent } : null,
      events: row.events,
      problem,
      brokenEventId: row.brokenEventId,
      brokenSeq: row.brokenSeq?.toString() ?? null,
      brokenEvent,
      startedAt: row.startedAt.toISOString(),
      finishedAt: row.finishedAt.toISOString(),
    };
  });
}
