// GET/POST /api/conversations/:id/messages — read a thread page; send a reply.
import { NextResponse } from "next/server";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/guards";
import { handle, readJson } from "@/lib/http/route";
import { listMessages } from "@/lib/inbox/list-messages";
import { sendTextMessage } from "@/lib/inbox/send-message";

type Context = { params: Promise<{ id: string }> };

const page = z.object({ cursor: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(200).optional() });
const reply = z.object({ text: z.string() });

export const GET = handle(async (request, { params }: Context) => {
  const user = await requirePermission("conversation.view");
  const { id } = await params;
  const { cursor, limit } = page.parse(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(await listMessages({ conversationId: id, userId: user.id, cursor, limit }));
});

export const POST = handle(async (request, { params }: Context) => {
  const user = await requirePermission("conversation.reply");
  const { id } = await params;
  const { text } = await readJson(request, reply);
  return NextResponse.json(await sendTextMessage({ conversationId: id, text, actor: user }), { status: 201 });
});
