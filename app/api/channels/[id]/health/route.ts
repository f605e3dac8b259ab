// GET /api/channels/:id/health — the number as Meta reports it, the blue tick checklist and the timeline of Meta's reports.
import { NextResponse } from "next/server";
import { idParams, route } from "@/lib/http/route";
import { numberHealth } from "@/lib/number-health/number-health";

export const GET = route({ permission: "dashboard.view", params: idParams }, async ({ params }) =>
  NextResponse.json(await numberHealth({ channelId: params.id })),
);
