// GET /api/users — everyone with an account, pending invitations, and the inboxes and teams that can be granted (admins).
import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { listUsers } from "@/lib/users/list-users";

export const GET = route({ permission: "users.manage" }, async () => NextResponse.json(await listUsers()));
