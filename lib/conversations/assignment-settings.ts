import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";

export type AssignmentSettings = {
  inboxes: { id: string; name: string; autoAssign: boolean; maxOpenPerAgent: number }[];
  agents: { id: string; name: string; role: string; maxOpenConversations: number | null }[];
};

export async function assignmentSettings(): Promise<AssignmentSettings> {
  const [inboxes, agents] = await Promise.all([
    db.inbox.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, autoAssign: true, maxOpenPerAgent: true } }),
    db.user.findMany({
      where: { role: "AGENT" },
      orderBy: { name: "asc" },
      select: { id: true, name: true, role: true, maxOpenConversations: true },
    }),
  ]);
  return { inboxes, agents };
}

/** Round-robin on or off per inbox, its default cap, and caps for single agents (null: the default). */
export async function updateAssignmentSettings({
  inboxes = [],
  agents = [],
  actor,
}: {
  inboxes?: { id: string; autoAssign: boolean; maxOpenPerAgent: number }[];
  agents?: { id: string; maxOpenConversations: number | null }[];
  actor: { id: string; name: string };
}): Promise<AssignmentSettings> {
  const before = await assignmentSettings();
  await db.$transaction(async (tx) => {
    for (const inbox of inboxes) {
      const updated = await tx.inbox.updateMany({
        where: { id: inbox.id },
        data: { autoAssign: inbox.autoAssign, maxOpenPerAgent: inbox.maxOpenPerAgent },
      });
      if (updated.count === 0) throw new AppError("NOT_FOUND", phrase("errors.noSuchInbox"));
    }
    for (const agent of agents) {
      const updated = await tx.user.updateMany({
        where: { id: agent.id, role: "AGENT" },
        data: { maxOpenConversations: agent.maxOpenConversations },
      });
      if (updated.count === 0) throw new AppError("NOT_FOUND", phrase("errors.noSuchAgent"));
    }
    await recordAudit(
      {
        actor: { id: actor.id, label: actor.name },
        action: "assignment.settings_changed",
        target: { type: "settings", id: "assignment" },
        before,
        after: { inboxes, agents },
      },
      tx,
    );
  });
  return assignmentSettings();
}
