// GET/POST /api/conversations/:id/messages — read a thread page; send a reply (text, template,
// buttons, list, flow or an uploaded file; see lib/inbox/outbound-schema.ts).
import { NextResponse } from "next/server";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/guards";
import { handle, readJson } from "@/lib/http/route";
import { listMessages } from "@/lib/inbox/list-messages";
import { sendInput } from "@/lib/inbox/outbound-schema";
import { sendMessage } from "@/lib/inbox/send-message";

type Context = { params: Promise<{ id: string }> };

const page = z.object({ cursor: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(200).optional() });

export const GET = handle(async (request, { params }: Context) => {
  const user = await requirePermission("conversation.view");
  const { id } = await params;
  const { cursor, limit } = page.parse(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(await listMessages({ conversationId: id, userId: user.id, cursor, limit }));
});

export const POST = handle(async (request, { params }: Context) => {
  const user = await requirePermission("conversation.reply");
  const { id } = await params;
  const input = await readJson(request, sendInput);
  return NextResponse.json(await sendMessage({ conversationId: id, input, actor: user }), { status: 201 });
});
