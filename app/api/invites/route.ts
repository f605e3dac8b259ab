// POST /api/invites — invite someone by e-mail with a role, inboxes and teams (admins).
import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { createInvite } from "@/lib/users/create-invite";
import { inviteSchema } from "@/lib/users/schemas";

export const POST = route({ permission: "users.manage", body: inviteSchema }, async ({ user, body }) =>
  NextResponse.json(await createInvite({ ...body, actor: user }), { status: 201 }),
);
