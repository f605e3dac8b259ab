// POST /api/invites/accept — create the invited account with a name and password (no session; the invitation's token is the permission).
import { NextResponse } from "next/server";
import { handle, readJson } from "@/lib/http/route";
import { acceptInvite } from "@/lib/users/accept-invite";
import { acceptInviteSchema } from "@/lib/users/schemas";

export const POST = handle(async (request) => {
  const input = await readJson(request, acceptInviteSchema);
  return NextResponse.json(await acceptInvite(input), { status: 201 });
});
