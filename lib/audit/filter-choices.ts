import "server-only";
import { db } from "@/lib/db/client";

// What the audit log's filter bar offers: every user (by their name now; events keep the name
// they had then), the system actors that have recorded events, and the kinds of target there are.

export type AuditFilterChoices = {
  actors: { value: string; label: string }[];
  targetTypes: string[];
  /** How many events the trail holds, for the "Verify now" progress. */
  events: number;
};

export async function auditFilterChoices(): Promise<AuditFilterChoices> {
  const [users, systems, targetTypes, events] = await Promise.all([
    db.user.findMany({ select: { id: true, name: true, email: true }, orderBy: { name: "asc" } }),
    db.$queryRaw<{ label: string }[]>`SELECT DISTINCT "actorLabel" AS label FROM "AuditEvent" WHERE "actorId" IS NULL ORDER BY 1`,
    db.$queryRaw<{ type: string }[]>`SELECT DISTINCT "targetType" AS type FROM "AuditEvent" ORDER BY 1`,
    db.auditEvent.count(),
  ]);
  return {
    actors: [
      ...users.map((user) => ({ value: user.id, label: `${user.name} (${user.email})` })),
      ...systems.map((row) => ({ value: row.label, label: row.label.replace(/^system:/, "System: ") })),
    ],
    targetTypes: targetTypes.map((row) => row.type),
    events,
  };
}
