// POST/DELETE /api/contacts/:id/spam — mark or clear a customer as spam, with a reason.
import { NextResponse } from "next/server";
import { idParams, route } from "@/lib/http/route";
import { reasonSchema, setContactSpam } from "@/lib/contacts/block-contact";

export const POST = route({ permission: "contact.block", params: idParams, body: reasonSchema }, async ({ user, params, body }) => {
  await setContactSpam({ contactId: params.id, spam: true, reason: body.reason, actor: user });
  return NextResponse.json({ spam: true });
});

export const DELETE = route({ permission: "contact.block", params: idParams, body: reasonSchema }, async ({ user, params, body }) => {
  await setContactSpam({ contactId: params.id, spam: false, reason: body.reason, actor: user });
  return NextResponse.json({ spam: false });
});
