import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";

export type AssignmentSettings = {
  channels: { id: string; name: string; autoAssign: boolean; maxOpenPerAgent: number }[];
  agents: { id: string; name: string; role: string; maxOpenConversations: number | null }[];
};

export async function assignmentSettings(): Promise<AssignmentSettings> {
  const [channels, agents] = await Promise.all([
    db.channel.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, autoAssign: true, maxOpenPerAgent: true } }),
    db.user.findMany({
      where: { role: "AGENT" },
      orderBy: { name: "asc" },
      select: { id: true, name: true, role: true, maxOpenConversations: true },
    }),
  ]);
  return { channels, agents };
}

/** Round-robin on or off per inbox, its default cap, and caps for single agents (null: the default). */
export async function updateAssignmentSettings({
  channels = [],
  agents = [],
  actor,
}: {
  channels?: { id: string; autoAssign: boolean; maxOpenPerAgent: number }[];
  agents?: { id: string; maxOpenConversations: number | null }[];
  actor: { id: string; name: string };
}): Promise<AssignmentSettings> {
  const before = await assignmentSettings();
  await db.$transaction(async (tx) => {
    for (const channel of channels) {
      const updated = await tx.channel.updateMany({
        where: { id: channel.id },
        data: { autoAssign: channel.autoAssign, maxOpenPerAgent: channel.maxOpenPerAgent },
      });
      if (updated.count === 0) throw new AppError("NOT_FOUND", "No such inbox.");
    }
    for (const agent of agents) {
      const updated = await tx.user.updateMany({
        where: { id: agent.id, role: "AGENT" },
        data: { maxOpenConversations: agent.maxOpenConversations },
      });
      if (updated.count === 0) throw new AppError("NOT_FOUND", "No such agent.");
    }
    await recordAudit(
      {
        actor: { id: actor.id, label: actor.name },
        action: "assignment.settings_changed",
        target: { type: "settings", id: "assignment" },
        before,
        after: { channels, agents },
      },
      tx,
    );
  });
  return assignmentSettings();
}
