// GET /api/stats/failures — failed messages by Meta error code over time, with what to do (JSON or CSV).
import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { statsQuerySchema } from "@/lib/stats/contract";
import { csvResponse } from "@/lib/stats/csv";
import { failureStatsCsv } from "@/lib/stats/csv-answers";
import { failureStats } from "@/lib/stats/failure-stats";

export const GET = route({ permission: "dashboard.view", query: statsQuerySchema }, async ({ query }) => {
  const stats = await failureStats(query);
  return query.format === "csv" ? csvResponse(failureStatsCsv(stats), "failures") : NextResponse.json(stats);
});
