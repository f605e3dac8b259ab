// GET /api/webhook-events?state=FAILED — the raw webhook log, for admins.
import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http/route";
import { listWebhookEvents } from "@/lib/webhooks/webhook-log";

const query = z.object({
  state: z.enum(["RECEIVED", "PROCESSED", "FAILED"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const GET = route({ permission: "webhooks.replay", query }, async ({ query }) =>
  NextResponse.json({ items: await listWebhookEvents(query) }),
);
