// GET /api/teammates — who can be assigned: inbox members (with presence) and teams.
import { NextResponse } from "next/server";
import { requirePermission } from "@/lib/auth/guards";
import { handle } from "@/lib/http/route";
import { listTeammates } from "@/lib/inbox/workspace-lists";

export const GET = handle(async () => {
  const user = await requirePermission("inbox.view");
  return NextResponse.json(await listTeammates({ userId: user.id }));
});
