// POST /api/invites/accept — create the invited account with a name and password (no session; the invitation's token is the permission).
import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { acceptInvite } from "@/lib/users/accept-invite";
import { acceptInviteSchema } from "@/lib/users/schemas";

export const POST = route({ permission: "public", body: acceptInviteSchema }, async ({ body }) =>
  NextResponse.json(await acceptInvite(body), { status: 201 }),
);
