// POST /api/invites — invite someone by e-mail with a role, inboxes and teams (admins).
import { NextResponse } from "next/server";
import { requirePermission } from "@/lib/auth/guards";
import { handle, readJson } from "@/lib/http/route";
import { createInvite } from "@/lib/users/create-invite";
import { inviteSchema } from "@/lib/users/schemas";

export const POST = handle(async (request) => {
  const actor = await requirePermission("users.manage");
  const input = await readJson(request, inviteSchema);
  return NextResponse.json(await createInvite({ ...input, actor }), { status: 201 });
});
