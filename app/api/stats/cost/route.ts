// GET /api/stats/cost — billable messages by category × country priced with the rate card, beside Meta's figures (JSON or CSV).
import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { statsQuerySchema } from "@/lib/stats/contract";
import { costStats } from "@/lib/stats/cost-stats";
import { csvResponse } from "@/lib/stats/csv";
import { costStatsCsv } from "@/lib/stats/csv-answers";

export const GET = route({ permission: "dashboard.view", query: statsQuerySchema }, async ({ query }) => {
  const stats = await costStats(query);
  return query.format === "csv" ? csvResponse(costStatsCsv(stats), "cost") : NextResponse.json(stats);
});
