// POST /api/stats/cost/refresh — fetches Meta's pricing_analytics for the range now, then answers the cost statistics.
import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { statsQuerySchema } from "@/lib/stats/contract";
import { costStats } from "@/lib/stats/cost-stats";
import { refreshMetaPricing } from "@/lib/stats/refresh-meta-pricing";

export const POST = route({ permission: "dashboard.view", query: statsQuerySchema }, async ({ query }) => {
  const { problems } = await refreshMetaPricing({ from: query.from, to: query.to, inboxIds: query.inbox });
  return NextResponse.json({ ...(await costStats(query)), problems });
});
