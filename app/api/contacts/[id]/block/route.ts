// POST/DELETE /api/contacts/:id/block — block or unblock a customer (Meta's Block Users API and locally), with a reason.
import { NextResponse } from "next/server";
import { idParams, route } from "@/lib/http/route";
import { reasonSchema, setContactBlocked } from "@/lib/contacts/block-contact";

export const POST = route({ permission: "contact.block", params: idParams, body: reasonSchema }, async ({ user, params, body }) =>
  NextResponse.json(await setContactBlocked({ contactId: params.id, blocked: true, reason: body.reason, actor: user })),
);

export const DELETE = route({ permission: "contact.block", params: idParams, body: reasonSchema }, async ({ user, params, body }) =>
  NextResponse.json(await setContactBlocked({ contactId: params.id, blocked: false, reason: body.reason, actor: user })),
);
