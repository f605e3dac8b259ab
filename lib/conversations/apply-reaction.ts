import type { Prisma } from "@/lib/db/client";
import { messageUpdated } from "@/lib/realtime/build-events";
import type { Publication } from "@/lib/realtime/publish";
import { nextReactions } from "./next-reactions";
import { messageInclude } from "./serializers";

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
  tx: Prisma.TransactionClient;
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
  return [messageUpdated(updated)];
}
