import "server-only";
import { db } from "@/lib/db/client";
import { verifyAuditChain } from "./verify-chain";
import { serializeVerifications, type AuditVerificationDto } from "./verifications";

/**
 * Checks the whole chain and records the result: daily from the job queue ("schedule"), or when an
 * admin presses "Verify now" ("admin"). The check itself is not an audit event: it changes nothing,
 * and this table is its record.
 */
export async function runAuditVerification({
  trigger,
  actorId,
}: {
  trigger: "schedule" | "admin";
  actorId?: string;
}): Promise<AuditVerificationDto> {
  const startedAt = new Date();
  const report = await verifyAuditChain();
  const broken = report.ok ? null : report.broken;
  if (broken) console.error(`[audit] the audit chain is broken at event ${broken.id} (seq ${broken.seq}): ${broken.problem}`);
  const row = await db.auditVerification.create({
    data: {
      trigger,
      actorId: actorId ?? null,
      ok: report.ok,
      events: report.events,
      brokenEventId: broken?.id ?? null,
      brokenSeq: broken?.seq ?? null,
      problem: broken?.problem ?? null,
      startedAt,
    },
    include: { actor: { select: { name: true } } },
  });
  const [dto] = await serializeVerifications([row]);
  return dto!;
}
