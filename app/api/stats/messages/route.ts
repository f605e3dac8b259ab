// GET /api/stats/messages — the delivery funnel, rates, latencies, series and groups (JSON or CSV).
import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { statsQuerySchema } from "@/lib/stats/contract";
import { csvResponse } from "@/lib/stats/csv";
import { messageStatsCsv } from "@/lib/stats/csv-answers";
import { messageStats } from "@/lib/stats/message-stats";

export const GET = route({ permission: "dashboard.view", query: statsQuerySchema }, async ({ query }) => {
  const stats = await messageStats(query);
  return query.format === "csv" ? csvResponse(messageStatsCsv(stats), "messages") : NextResponse.json(stats);
});
