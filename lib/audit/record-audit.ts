import { createHash } from "node:crypto";
import { db, type Prisma } from "@/lib/db/client";

// The append-only audit trail (DESIGN.md §4). Each event stores the hash of the one before it, so
// changing or removing any event breaks the chain; the database refuses UPDATE and DELETE outright.

export type AuditInput = {
  actor: { id: string; label: string } | { system: string };
  action: string;
  target: { type: string; id: string };
  reason?: string | null;
  before?: unknown;
  after?: unknown;
};

const GENESIS = "0".repeat(64);
// One writer at a time, so two events never claim the same predecessor.
const CHAIN_LOCK = 727_001;

export async function recordAudit(input: AuditInput, tx?: Prisma.TransactionClient): Promise<void> {
  if (tx) return append(tx, input);
  await db.$transaction((inner) => append(inner, input));
}

async function append(tx: Prisma.TransactionClient, input: AuditInput): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`;
  const previous = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  const prevHash = previous?.hash ?? GENESIS;
  const createdAt = new Date();
  const fields = {
    actorId: "id" in input.actor ? input.actor.id : null,
    actorLabel: "id" in input.actor ? input.actor.label : `system:${input.actor.system}`,
    action: input.action,
    targetType: input.target.type,
    targetId: input.target.id,
    reason: input.reason ?? null,
    // As JSON will store them (dates become strings, undefined goes), so the hash can be checked later.
    before: asStored(input.before),
    after: asStored(input.after),
    createdAt: createdAt.toISOString(),
  };
  await tx.auditEvent.create({
    data: {
      ...fields,
      before: (fields.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (fields.after ?? undefined) as Prisma.InputJsonValue | undefined,
      createdAt,
      prevHash,
      hash: auditHash(prevHash, fields),
    },
  });
}

function asStored(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/** sha256 over the previous hash and the event's fields, keys sorted at every depth (jsonb reorders them). */
export function auditHash(prevHash: string, fields: Record<string, unknown>): string {
  return createHash("sha256").update(prevHash).update(canonicalJson(fields)).digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.keys(value as object)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}
