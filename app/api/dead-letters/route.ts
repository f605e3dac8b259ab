// GET /api/dead-letters — send jobs that gave up after their last retry, for admins.
import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { listDeadLetters } from "@/lib/conversations/dead-letters";

export const GET = route({ permission: "settings.manage" }, async () => NextResponse.json(await listDeadLetters()));
