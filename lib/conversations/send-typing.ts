import "server-only";
import { db } from "@/lib/db/client";
import { enqueueReadReceipt } from "@/lib/jobs/queue";
import { findConversationForUser } from "./find-conversation";
import { latestInbound } from "./mark-read";
import { serviceWindow } from "./window";

// WhatsApp shows "typing…" for 25 s or until the reply; one indicator per 20 s keeps it up while
// the agent types without flooding Meta. The throttle lives in the database, so it holds across
// every Switchboard process and every agent in the conversation.
export const TYPING_THROTTLE_MS = 20_000;

export async function sendTypingIndicator({
  conversationId,
  actor,
}: {
  conversationId: string;
  actor: { id: string };
}): Promise<{ sent: boolean }> {
  const conversation = await findConversationForUser({ conversationId, userId: actor.id });
  // Outside the service window the agent can only send a template: nobody to show typing to.
  if (!serviceWindow({ lastInboundAt: conversation.lastInboundAt }).open) return { sent: false };
  const latest = await latestInbound({ conversationId });
  if (!latest?.externalId) return { sent: false };

  const now = new Date();
  const claimed = await db.conversation.updateMany({
    where: {
      id: conversationId,
      OR: [{ typingIndicatorAt: null }, { typingIndicatorAt: { lte: new Date(now.getTime() - TYPING_THROTTLE_MS) } }],
    },
    data: { typingIndicatorAt: now },
  });
  if (!claimed.count) return { sent: false };
  // The indicator also marks the message read, as the customer would expect of someone typing.
  await db.message.updateMany({ where: { id: latest.id, readAt: null }, data: { readAt: now } });
  await enqueueReadReceipt({ channelId: latest.channelId, wamid: latest.externalId, typing: true });
  return { sent: true };
}
