// GET /api/stats/live — open, unassigned and waiting conversations, closing windows and today's tiles.
import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { liveQuerySchema } from "@/lib/stats/contract";
import { liveStats } from "@/lib/stats/live-stats";

export const GET = route({ permission: "dashboard.view", query: liveQuerySchema }, async ({ query }) =>
  NextResponse.json(await liveStats({ tz: query.tz })),
);
