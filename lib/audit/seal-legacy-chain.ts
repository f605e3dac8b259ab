import { db } from "@/lib/db/client";
import { LEGACY } from "./chain";
import { CHAIN_LOCK, recordAudit } from "./record-audit";

/**
 * Run at server start: when the trail ends with events hashed before AUDIT_KEY existed, appends a
 * keyed event after them. Its HMAC covers the last unkeyed hash, so those events can no longer be
 * rewritten unnoticed, and the verifier can refuse a trail that has no keyed event at all (which
 * is what re-hashing the whole trail without the key produces). Returns whether it appended one.
 */
export async function sealLegacyChain(): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`;
    const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hashAlgorithm: true } });
    if (!last || last.hashAlgorithm !== LEGACY) return false;
    const unkeyed = await tx.auditEvent.count({ where: { hashAlgorithm: LEGACY } });
    await recordAudit(
      {
        actor: { system: "audit" },
        action: "audit.chain_keyed",
        target: { type: "audit_chain", id: "main" },
        reason: "Events before this one were hashed without AUDIT_KEY; every event from here on is keyed.",
        after: { unkeyedEvents: unkeyed },
      },
      tx,
    );
    return true;
  });
}
