// POST /api/conversations/:id/messages/:messageId/retry — send a failed, or a not confirmed, message again.
import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http/route";
import { retryMessage } from "@/lib/conversations/retry-message";

const params = z.object({ id: z.string(), messageId: z.string() });

export const POST = route({ permission: "conversation.reply", params }, async ({ user, params: { id, messageId } }) =>
  NextResponse.json(await retryMessage({ conversationId: id, messageId, actor: user })),
);
