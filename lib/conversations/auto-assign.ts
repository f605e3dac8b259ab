import type { Prisma } from "@/lib/db/client";
import { ONLINE_WITHIN_MS } from "@/lib/realtime/presence";
import { notify } from "./notify";
import { recordActivity } from "./record-activity";
import type { Publication } from "@/lib/realtime/publish";

/**
 * Round-robin for a new conversation, when the inbox has it on: the online agent with the fewest
 * open conversations, below their cap (theirs, or the inbox's default). Nobody eligible → it stays
 * unassigned for someone to take.
 */
export async function autoAssign({
  tx,
  conversation,
  now = new Date(),
}: {
  tx: Prisma.TransactionClient;
  conversation: { id: string; inboxId: string; contact: { channelId: string } };
  now?: Date;
}): Promise<{ assigneeId: string; publications: Publication[] } | null> {
  const inbox = await tx.inbox.findUniqueOrThrow({ where: { id: conversation.inboxId } });
  if (!inbox.autoAssign) return null;

  const agents = await tx.user.findMany({
    where: {
      role: "AGENT",
      lastSeenAt: { gt: new Date(now.getTime() - ONLINE_WITHIN_MS) },
      inboxes: { some: { inboxId: inbox.id } },
    },
    select: { id: true, name: true, maxOpenConversations: true },
  });
  if (agents.length === 0) return null;

  const load = await tx.conversation.groupBy({
    by: ["assigneeId"],
    where: { inboxId: inbox.id, assigneeId: { in: agents.map((a) => a.id) }, status: { in: ["OPEN", "PENDING"] } },
    _count: { _all: true },
  });
  const open = new Map(load.map((row) => [row.assigneeId, row._count._all]));
  const candidate = agents
    .map((agent) => ({ ...agent, open: open.get(agent.id) ?? 0, cap: agent.maxOpenConversations ?? inbox.maxOpenPerAgent }))
    .filter((agent) => agent.open < agent.cap)
    .sort((a, b) => a.open - b.open || a.name.localeCompare(b.name))[0];
  if (!candidate) return null;

  await tx.conversation.update({ where: { id: conversation.id }, data: { assigneeId: candidate.id } });
  const activity = await recordActivity({
    tx,
    conversation,
    actorId: null,
    activity: { kind: "autoAssigned", params: { assignee: candidate.name } },
  });
  const notification = await notify({
    tx,
    userId: candidate.id,
    kind: "assigned",
    params: { actor: null, customer: null },
    conversationId: conversation.id,
  });
  return { assigneeId: candidate.id, publications: [activity, notification] };
}
