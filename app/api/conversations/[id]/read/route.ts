// POST /api/conversations/:id/read — the agent read the conversation: unread count cleared and
// blue ticks sent to the customer.
import { NextResponse } from "next/server";
import { idParams, route } from "@/lib/http/route";
import { updateConversation } from "@/lib/conversations/update-conversation";

export const POST = route({ permission: "conversation.view", params: idParams }, async ({ user, params }) =>
  NextResponse.json(await updateConversation({ conversationId: params.id, actor: user, changes: { markRead: true } })),
);
