// GET /api/templates?channelId= — the approved templates agents may send.
import { NextResponse } from "next/server";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/guards";
import { handle } from "@/lib/http/route";
import { listTemplates } from "@/lib/inbox/list-templates";

const query = z.object({ channelId: z.string().min(1).max(100).optional() });

export const dynamic = "force-dynamic";

export const GET = handle(async (request) => {
  const user = await requirePermission("conversation.reply");
  const { channelId } = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json({ items: await listTemplates({ userId: user.id, channelId }) });
});
