import type { Prisma } from "@/lib/db/client";
import { messageInclude, serializeMessage } from "@/lib/inbox/serializers";
import type { ReactionDto } from "@/lib/inbox/types";
import { rooms } from "@/lib/realtime/events";
import type { Publication } from "@/lib/realtime/publish";

type Tx = Prisma.TransactionClient;

/**
 * A customer's reaction is not a message of its own: it sets (or, with an empty emoji, removes) the
 * customer's reaction on the message it points at. Returns null when that message is not in this
 * customer's conversations, so the caller keeps the reaction as a row and nothing is lost.
 */
export async function applyReaction({
  tx,
  channelId,
  contactId,
  targetExternalId,
  emoji,
  at,
}: {
  tx: Tx;
  channelId: string;
  contactId: string;
  targetExternalId: string | undefined;
  emoji: string | undefined;
  at: Date;
}): Promise<Publication[] | null> {
  if (!targetExternalId) return null;
  const target = await tx.message.findFirst({
    where: { channelId, externalId: targetExternalId, conversation: { contactId } },
    select: { id: true, reactions: true },
  });
  if (!target) return null;

  const reactions = nextReactions({ current: target.reactions, by: "customer", emoji, at });
  if (!reactions) return [];
  const updated = await tx.message.update({
    where: { id: target.id },
    data: { reactions: reactions as Prisma.InputJsonValue },
    include: messageInclude,
  });
  return [{ event: "message.updated", payload: serializeMessage(updated), rooms: [rooms.conversation(updated.conversationId)] }];
}

/**
 * One reaction per reactor, as in WhatsApp. A change older than the one already stored (a late
 * duplicate) changes nothing; returns null then.
 */
export function nextReactions({
  current,
  by,
  emoji,
  at,
}: {
  current: unknown;
  by: string;
  emoji: string | undefined;
  at: Date;
}): ReactionDto[] | null {
  const list = (Array.isArray(current) ? current : []) as ReactionDto[];
  const mine = list.find((reaction) => reaction?.by === by);
  if (mine && new Date(mine.at).getTime() > at.getTime()) return null;
  const others = list.filter((reaction) => reaction?.by !== by);
  return emoji ? [...others, { by, emoji, at: at.toISOString() }] : others;
}
