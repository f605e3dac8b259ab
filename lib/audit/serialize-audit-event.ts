import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import type { Translate } from "@/lib/i18n/phrase";
import { actionLabel, describeEvent } from "./audit-actions";

// One audit event as the log, its API and its export show it. The actor and the target are named as
// the event recorded them (their names then); events written before targets were named show a
// user's or contact's name as it is now, when it still exists. The action's name and the summary are
// worded by `t`, in the reader's language.

export const auditEventSelect = {
  id: true,
  seq: true,
  createdAt: true,
  actorId: true,
  actorLabel: true,
  action: true,
  targetType: true,
  targetId: true,
  targetLabel: true,
  reason: true,
  before: true,
  after: true,
  ip: true,
} satisfies Prisma.AuditEventSelect;

type Row = Prisma.AuditEventGetPayload<{ select: typeof auditEventSelect }>;

export type AuditLogItem = {
  id: string;
  seq: string;
  at: string;
  actor: { id: string | null; name: string };
  action: string;
  actionLabel: string;
  target: { type: string; id: string; name: string | null };
  before: Prisma.JsonValue;
  after: Prisma.JsonValue;
  ip: string | null;
  reason: string | null;
  summary: string;
};

export async function serializeAuditEvents(rows: Row[], t: Translate): Promise<AuditLogItem[]> {
  const names = await targetNames(rows);
  return rows.map((row) => {
    const name = row.targetLabel ?? names.get(`${row.targetType}:${row.targetId}`) ?? null;
    return {
      id: row.id,
      seq: row.seq.toString(),
      at: row.createdAt.toISOString(),
      actor: { id: row.actorId, name: row.actorLabel },
      action: row.action,
      actionLabel: actionLabel(row.action, t),
      target: { type: row.targetType, id: row.targetId, name },
      before: row.before,
      after: row.after,
      ip: row.ip,
      reason: row.reason,
      summary: describeEvent(
        {
          action: row.action,
          target: name ?? `${row.targetType} ${row.targetId}`,
          before: asFields(row.before),
          after: asFields(row.after),
          reason: row.reason,
        },
        t,
      ),
    };
  });
}

function asFields(value: Prisma.JsonValue): Record<string, unknown> | null {
  return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : null;
}

async function targetNames(rows: Row[]): Promise<Map<string, string>> {
  const unnamed = rows.filter((row) => row.targetLabel === null);
  const idsOf = (type: string) => [...new Set(unnamed.filter((row) => row.targetType === type).map((row) => row.targetId))];
  const userIds = idsOf("user");
  const contactIds = idsOf("contact");
  const [users, contacts] = await Promise.all([
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
    contactIds.length ? db.contact.findMany({ where: { id: { in: contactIds } }, select: { id: true, name: true, waId: true } }) : [],
  ]);
  return new Map([
    ...users.map((user) => [`user:${user.id}`, user.name] as const),
    ...contacts.map((contact) => [`contact:${contact.id}`, contact.name || (contact.waId ? `+${contact.waId}` : contact.id)] as const),
  ]);
}
