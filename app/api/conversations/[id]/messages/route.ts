// GET/POST /api/conversations/:id/messages — read a thread page; send a reply (text, template,
// buttons, list, flow or an uploaded file; see lib/inbox/outbound-schema.ts) or add a private note
// ({"note":{"text":…,"mentions":[userId]}}).
import { NextResponse } from "next/server";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/guards";
import { handle, readJson } from "@/lib/http/route";
import { listMessages } from "@/lib/inbox/list-messages";
import { addNote } from "@/lib/inbox/add-note";
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

// A private note for the team is a message too, but one that is never sent.
const noteInput = z.strictObject({
  note: z.strictObject({ text: z.string(), mentions: z.array(z.string().min(1)).max(20).optional() }),
});

export const POST = handle(async (request, { params }: Context) => {
  const user = await requirePermission("conversation.reply");
  const { id } = await params;
  const body = await readJson(request, z.unknown());
  if (body && typeof body === "object" && "note" in body) {
    const { note } = noteInput.parse(body);
    return NextResponse.json(await addNote({ conversationId: id, text: note.text, mentions: note.mentions, actor: user }), { status: 201 });
  }
  return NextResponse.json(await sendMessage({ conversationId: id, input: sendInput.parse(body), actor: user }), { status: 201 });
});
