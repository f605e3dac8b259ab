// GET /api/webhook-events/backlog — webhook bodies accepted and not processed yet, and the age of the oldest (admins).
import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { webhookBacklog } from "@/lib/webhooks/backlog";

export const dynamic = "force-dynamic";

export const GET = route({ permission: "webhooks.replay" }, async () => NextResponse.json(await webhookBacklog()));
