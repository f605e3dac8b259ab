// GET/POST/DELETE /api/contacts/:id/link — the same person on another channel: contacts to link
// (GET ?q=), link one (POST {contactId}), or unlink this contact (DELETE).
import { NextResponse } from "next/server";
import { z } from "zod";
import { idParams, route } from "@/lib/http/route";
import { linkContacts, unlinkContact } from "@/lib/contacts/link-contacts";
import { linkCandidates } from "@/lib/contacts/linked-contacts";

export const GET = route(
  { permission: "conversation.view", params: idParams, query: z.object({ q: z.string().trim().max(100).default("") }) },
  async ({ user, params, query }) =>
    NextResponse.json({ items: await linkCandidates({ contactId: params.id, userId: user.id, q: query.q }) }),
);

export const POST = route(
  { permission: "contact.update", params: idParams, body: z.strictObject({ contactId: z.string().trim().min(1).max(100) }) },
  async ({ user, params, body }) => NextResponse.json(await linkContacts({ contactId: params.id, otherId: body.contactId, actor: user })),
);

export const DELETE = route({ permission: "contact.update", params: idParams }, async ({ user, params }) =>
  NextResponse.json(await unlinkContact({ contactId: params.id, actor: user })),
);
