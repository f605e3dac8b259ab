// POST /api/conversations/:id/typing — show the customer "typing…" (at most once per 20 s).
import { NextResponse } from "next/server";
import { idParams, route } from "@/lib/http/route";
import { sendTypingIndicator } from "@/lib/conversations/send-typing";

export const POST = route({ permission: "conversation.reply", params: idParams }, async ({ user, params }) => {
  const result = await sendTypingIndicator({ conversationId: params.id, actor: user });
  return NextResponse.json(result, { status: result.sent ? 202 : 200 });
});
