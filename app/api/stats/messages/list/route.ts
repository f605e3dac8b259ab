// GET /api/stats/messages/list — the outbound messages behind a number, newest first, in keyset pages.
import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { drillDownQuerySchema, type DrillDownPage } from "@/lib/stats/contract";
import { messageRows } from "@/lib/stats/message-rows";

const PAGE = 50;

export const GET = route({ permission: "dashboard.view", query: drillDownQuerySchema }, async ({ query }) => {
  const page: DrillDownPage = await messageRows({ ...query, limit: PAGE });
  return NextResponse.json(page);
});
