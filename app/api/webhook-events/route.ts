// GET /api/webhook-events?state=FAILED — the raw webhook log, for admins.
import { NextResponse } from "next/server";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/guards";
import { handle } from "@/lib/http/route";
import { listWebhookEvents } from "@/lib/whatsapp/webhook-events";

const query = z.object({
  state: z.enum(["RECEIVED", "PROCESSED", "FAILED"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const GET = handle(async (request) => {
  await requirePermission("webhooks.replay");
  const { state, limit } = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json({ items: await listWebhookEvents({ state, limit }) });
});
