// GET /api/stats/conversations — opened, resolved, reopened, response and resolution times, per agent (JSON or CSV).
import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { statsQuerySchema } from "@/lib/stats/contract";
import { conversationStats } from "@/lib/stats/conversation-stats";
import { csvResponse } from "@/lib/stats/csv";
import { conversationStatsCsv } from "@/lib/stats/csv-answers";

export const GET = route({ permission: "dashboard.view", query: statsQuerySchema }, async ({ query }) => {
  const stats = await conversationStats(query);
  return query.format === "csv" ? csvResponse(conversationStatsCsv(stats), "conversations") : NextResponse.json(stats);
});
