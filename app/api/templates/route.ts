// GET /api/templates?channelId= — the approved templates agents may send.
import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http/route";
import { listTemplates } from "@/lib/conversations/list-templates";

const query = z.object({ channelId: z.string().min(1).max(100).optional() });

export const dynamic = "force-dynamic";

export const GET = route({ permission: "conversation.reply", query }, async ({ user, query: { channelId } }) =>
  NextResponse.json({ items: await listTemplates({ userId: user.id, channelId }) }),
);
