// POST /api/webhook-events/:id/replay — process a logged webhook body again (admins).
import { NextResponse } from "next/server";
import { requirePermission } from "@/lib/auth/guards";
import { handle } from "@/lib/http/route";
import { replayWebhookEvent } from "@/lib/whatsapp/webhook-events";

type Context = { params: Promise<{ id: string }> };

export const POST = handle(async (_request, { params }: Context) => {
  const user = await requirePermission("webhooks.replay");
  const { id } = await params;
  return NextResponse.json(await replayWebhookEvent({ eventId: id, actor: user }));
});
