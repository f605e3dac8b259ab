import { config } from "@/lib/config";
import { db, type Prisma } from "@/lib/db/client";
import { chainHash, GENESIS, KEYED_IP, type AuditContent } from "./chain";
import { requestAddress } from "./request-address";

// The append-only audit trail (docs/architecture.md, "Audit trail"). Each event stores the hash of the one before it, keyed
// with AUDIT_KEY (see chain.ts), so changing or removing any event breaks the chain. The database
// role Switchboard runs as may only INSERT here (lib/db/app-role.ts), and a trigger refuses UPDATE,
// DELETE and TRUNCATE to everyone else.

export type AuditInput = {
  actor: { id: string; label: string } | { system: string };
  action: string;
  target: { type: string; id: string };
  reason?: string | null;
  before?: unknown;
  after?: unknown;
  /** The client's address; by default that of the request being handled (none for jobs). */
  ip?: string | null;
};

// One writer at a time, so two events never claim the same predecessor.
export const CHAIN_LOCK = 727_001;

export async function recordAudit(input: AuditInput, tx?: Prisma.TransactionClient): Promise<void> {
  if (tx) return append(tx, input);
  await db.$transaction((inner) => append(inner, input));
}

async function append(tx: Prisma.TransactionClient, input: AuditInput): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`;
  const previous = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  const prevHash = previous?.hash ?? GENESIS;
  const content: AuditContent = {
    actorId: "id" in input.actor ? input.actor.id : null,
    actorLabel: "id" in input.actor ? input.actor.label : `system:${input.actor.system}`,
    action: input.action,
    targetType: input.target.type,
    targetId: input.target.id,
    reason: input.reason ?? null,
    // As JSON will store them (dates become strings, undefined goes), so the hash can be checked later.
    before: asStored(input.before),
    after: asStored(input.after),
    createdAt: new Date(),
    ip: input.ip !== undefined ? input.ip : requestAddress(),
  };
  await tx.auditEvent.create({
    data: {
      ...content,
      before: (content.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (content.after ?? undefined) as Prisma.InputJsonValue | undefined,
      prevHash,
      hash: chainHash({ algorithm: KEYED_IP, key: config().auditKey, prevHash, content }),
      hashAlgorithm: KEYED_IP,
    },
  });
}

function asStored(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
