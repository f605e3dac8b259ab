// GET /api/conversations — the signed-in user's conversations, filtered and cursor-paged.
import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { conversationFilterSchema } from "@/lib/conversations/conversation-filter";
import { listConversations } from "@/lib/conversations/list-conversations";

export const GET = route({ permission: "inbox.view", query: conversationFilterSchema }, async ({ user, query }) =>
  NextResponse.json(await listConversations({ userId: user.id, filter: query })),
);
