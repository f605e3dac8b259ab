import { db } from "@/lib/db/client";
import { conversationUpdated } from "@/lib/realtime/build-events";
import { publish } from "@/lib/realtime/publish";
import { recordActivity } from "./record-activity";
import { conversationInclude } from "./serializers";

/** Reopens every snoozed conversation whose time has come (a customer writing reopens it sooner). */
export async function wakeSnoozed({ now = new Date() }: { now?: Date } = {}): Promise<number> {
  const due = await db.conversation.findMany({
    where: { status: "SNOOZED", snoozedUntil: { lte: now } },
    select: { id: true },
    take: 500,
  });
  for (const { id } of due) {
    const publications = await db.$transaction(async (tx) => {
      // Claim it: another instance may be waking the same conversation.
      const claimed = await tx.conversation.updateMany({
        where: { id, status: "SNOOZED", snoozedUntil: { lte: now } },
        data: { status: "OPEN", snoozedUntil: null },
      });
      if (claimed.count === 0) return [];
      const conversation = await tx.conversation.findUniqueOrThrow({ where: { id }, include: conversationInclude });
      const activity = await recordActivity({ tx, conversation, actorId: null, activity: { kind: "snoozeEnded", params: {} } });
      return [activity, conversationUpdated(conversation)];
    });
    publish(...publications);
  }
  return due.length;
}
