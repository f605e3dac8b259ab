// POST /api/conversations/:id/messages/:messageId/discard — give up on a message WhatsApp never confirmed.
import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http/route";
import { discardMessage } from "@/lib/conversations/discard-message";

const params = z.object({ id: z.string(), messageId: z.string() });

export const POST = route({ permission: "conversation.reply", params }, async ({ user, params: { id, messageId } }) =>
  NextResponse.json(await discardMessage({ conversationId: id, messageId, actor: user })),
);
