// GET /api/teammates — who can be assigned: inbox members (with presence) and teams.
import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { listTeammates } from "@/lib/conversations/teammates";

export const GET = route({ permission: "inbox.view" }, async ({ user }) => NextResponse.json(await listTeammates({ userId: user.id })));
