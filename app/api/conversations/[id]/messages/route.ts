// GET/POST /api/conversations/:id/messages — read a thread page; send a reply (text, template,
// buttons, list, flow or an uploaded file; see lib/conversations/outbound-schema.ts) or add a private note
// ({"note":{"text":…,"mentions":[userId]}}).
import { NextResponse } from "next/server";
import { z } from "zod";
import { idParams, route } from "@/lib/http/route";
import { listMessages } from "@/lib/conversations/list-messages";
import { addNote } from "@/lib/conversations/add-note";
import { sendInput } from "@/lib/conversations/outbound-schema";
import { sendMessage } from "@/lib/conversations/send-message";

const page = z.object({ cursor: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(200).optional() });

export const GET = route({ permission: "conversation.view", params: idParams, query: page }, async ({ user, params, query }) =>
  NextResponse.json(await listMessages({ conversationId: params.id, userId: user.id, ...query })),
);

// A private note for the team is a message too, but one that is never sent.
const noteInput = z.strictObject({
  note: z.strictObject({ text: z.string(), mentions: z.array(z.string().min(1)).max(20).optional() }),
});

// Any JSON here: which schema applies depends on whether it is a note, so the handler picks.
export const POST = route({ permission: "conversation.reply", params: idParams, body: z.unknown() }, async ({ user, params, body }) => {
  if (body && typeof body === "object" && "note" in body) {
    const { note } = noteInput.parse(body);
    return NextResponse.json(await addNote({ conversationId: params.id, text: note.text, mentions: note.mentions, actor: user }), {
      status: 201,
    });
  }
  return NextResponse.json(await sendMessage({ conversationId: params.id, input: sendInput.parse(body), actor: user }), { status: 201 });
});
