// GET /api/users — everyone with an account, pending invitations, and the inboxes and teams that can be granted (admins).
import { NextResponse } from "next/server";
import { requirePermission } from "@/lib/auth/guards";
import { handle } from "@/lib/http/route";
import { listUsers } from "@/lib/users/list-users";

export const GET = handle(async () => {
  await requirePermission("users.manage");
  return NextResponse.json(await listUsers());
});
