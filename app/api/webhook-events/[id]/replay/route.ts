// POST /api/webhook-events/:id/replay — process a logged webhook body again (admins).
import { NextResponse } from "next/server";
import { idParams, route } from "@/lib/http/route";
import { replayWebhookEvent } from "@/lib/webhooks/webhook-log";

export const POST = route({ permission: "webhooks.replay", params: idParams }, async ({ user, params }) =>
  NextResponse.json(await replayWebhookEvent({ eventId: params.id, actor: user })),
);
