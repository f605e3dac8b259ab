// POST /api/conversations/:id/read — the agent read the conversation: unread count cleared and
// blue ticks sent to the customer.
import { NextResponse } from "next/server";
import { requirePermission } from "@/lib/auth/guards";
import { handle } from "@/lib/http/route";
import { updateConversation } from "@/lib/inbox/update-conversation";

type Context = { params: Promise<{ id: string }> };

export const POST = handle(async (_request, { params }: Context) => {
  const user = await requirePermission("conversation.view");
  const { id } = await params;
  return NextResponse.json(await updateConversation({ conversationId: id, actor: user, changes: { markRead: true } }));
});
