// POST /api/conversations/:id/typing — show the customer "typing…" (at most once per 20 s).
import { NextResponse } from "next/server";
import { requirePermission } from "@/lib/auth/guards";
import { handle } from "@/lib/http/route";
import { sendTypingIndicator } from "@/lib/inbox/send-typing";

type Context = { params: Promise<{ id: string }> };

export const POST = handle(async (_request, { params }: Context) => {
  const user = await requirePermission("conversation.reply");
  const { id } = await params;
  const result = await sendTypingIndicator({ conversationId: id, actor: user });
  return NextResponse.json(result, { status: result.sent ? 202 : 200 });
});
