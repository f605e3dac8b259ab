import "server-only";
import { db } from "@/lib/db/client";
import { enqueueReadReceipt } from "@/lib/jobs/queue";

// Reactions and system notices are not messages the customer waits on a blue tick for.
const NOT_READABLE = ["reaction", "system", "unsupported"];

/**
 * An agent opened the conversation: tell WhatsApp the customer's latest message was read (which
 * covers everything before it). Each inbound message is reported once: its readAt records when.
 */
export async function sendReadReceipt({ conversationId }: { conversationId: string }): Promise<boolean> {
  const latest = await latestInbound({ conversationId });
  if (!latest?.externalId) return false;
  const marked = await db.message.updateMany({ where: { id: latest.id, readAt: null }, data: { readAt: new Date() } });
  if (!marked.count) return false;
  await enqueueReadReceipt({ channelId: latest.channelId, wamid: latest.externalId, typing: false });
  return true;
}

export async function latestInbound({ conversationId }: { conversationId: string }) {
  return db.message.findFirst({
    where: { conversationId, direction: "INBOUND", externalId: { not: null }, type: { notIn: NOT_READABLE } },
    orderBy: [{ timestamp: "desc" }, { id: "desc" }],
    select: { id: true, channelId: true, externalId: true },
  });
}
