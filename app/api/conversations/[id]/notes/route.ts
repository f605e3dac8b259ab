// POST /api/conversations/:id/notes — a private note for the team; never sent to the customer.
import { NextResponse } from "next/server";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/guards";
import { handle, readJson } from "@/lib/http/route";
import { addNote } from "@/lib/inbox/add-note";

type Context = { params: Promise<{ id: string }> };

const note = z.object({ text: z.string(), mentions: z.array(z.string().min(1)).max(20).optional() }).strict();

export const POST = handle(async (request, { params }: Context) => {
  const user = await requirePermission("conversation.reply");
  const { id } = await params;
  const { text, mentions } = await readJson(request, note);
  return NextResponse.json(await addNote({ conversationId: id, text, mentions, actor: user }), { status: 201 });
});
