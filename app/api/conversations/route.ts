// GET /api/conversations — the signed-in user's conversations, filtered and cursor-paged.
import { NextResponse } from "next/server";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/guards";
import { handle } from "@/lib/http/route";
import { listConversations } from "@/lib/inbox/list-conversations";

const query = z.object({
  status: z.enum(["OPEN", "PENDING", "SNOOZED", "RESOLVED"]).optional(),
  assignee: z.enum(["me", "unassigned", "all"]).optional(),
  q: z.string().max(200).optional(),
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

export const GET = handle(async (request) => {
  const user = await requirePermission("inbox.view");
  const filter = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(await listConversations({ userId: user.id, filter }));
});
