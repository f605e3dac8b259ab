// POST /api/invites — invite someone by e-mail with a role, inboxes and teams (admins).
import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { requestLocale } from "@/lib/i18n/preferences";
import { createInvite } from "@/lib/users/create-invite";
import { inviteSchema } from "@/lib/users/schemas";

export const POST = route({ permission: "users.manage", body: inviteSchema }, async ({ request, user, body }) =>
  NextResponse.json(await createInvite({ ...body, actor: user, locale: await requestLocale(request) }), { status: 201 }),
);
