// GET /api/conversations — the signed-in user's conversations, filtered and cursor-paged.
import { NextResponse } from "next/server";
import { requirePermission } from "@/lib/auth/guards";
import { handle } from "@/lib/http/route";
import { conversationFilterSchema } from "@/lib/inbox/conversation-filter";
import { listConversations } from "@/lib/inbox/list-conversations";

export const GET = handle(async (request) => {
  const user = await requirePermission("inbox.view");
  const filter = conversationFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(await listConversations({ userId: user.id, filter }));
});
