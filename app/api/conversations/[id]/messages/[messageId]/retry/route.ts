// POST /api/conversations/:id/messages/:messageId/retry — send a failed message again.
import { NextResponse } from "next/server";
import { requirePermission } from "@/lib/auth/guards";
import { handle } from "@/lib/http/route";
import { retryMessage } from "@/lib/inbox/retry-message";

type Context = { params: Promise<{ id: string; messageId: string }> };

export const POST = handle(async (_request, { params }: Context) => {
  const user = await requirePermission("conversation.reply");
  const { id, messageId } = await params;
  return NextResponse.json(await retryMessage({ conversationId: id, messageId, actor: user }));
});
