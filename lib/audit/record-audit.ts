import { config } from "@/lib/config";
import { db, type Prisma } from "@/lib/db/client";
import { chainHash, GENESIS, KEYED_V2, type AuditContent } from "./chain";
import { requestAddress } from "./request-address";

// The append-only audit trail (docs/architecture.md, "Audit trail"). Each event stores the hash of the one before it, keyed
// with AUDIT_KEY (see chain.ts), so changing or removing any event breaks the chain. The database
// role Switchboard runs as may only INSERT here (lib/db/app-role.ts), and a trigger refuses UPDATE,
// DELETE and TRUNCATE to everyone else.

export type AuditInput = {
  actor: { id: string; label: string } | { system: string };
  action: string;
  /** `label` is what the target is called; users and contacts are looked up when it is not given. */
  target: { type: string; id: string; label?: string | null };
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
    targetLabel: input.target.label !== undefined ? input.target.label : await targetName(tx, input.target),
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
      hash: chainHash({ algorithm: KEYED_V2, key: config().auditKey, prevHash, content }),
      hashAlgorithm: KEYED_V2,
    },
  });
}

// The name the target has now, which the event keeps as the name it had then.
async function targetName(tx: Prisma.TransactionClient, target: { type: string; id: string }): Promise<string | null> {
  if (target.type === "user") return (await tx.user.findUnique({ where: { id: target.id }, select: { name: true } }))?.name ?? null;
  if (target.type === "contact") {
    const contact = await tx.contact.findUnique({ where: { id: target.id }, select: { name: true, waId: true } });
    return contact ? contact.name || (contact.waId ? `+${contact.waId}` : null) : null;
  }
  if (target.type === "channel") {
    const channel = await tx.channel.findUnique({
      where: { id: target.id },
      select: { displayPhoneNumber: true, inbox: { select: { name: true } } },
    });
    return channel ? (channel.inbox?.name ?? `+${channel.displayPhoneNumber}`) : null;
  }
  return null;
}

function asStored(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
