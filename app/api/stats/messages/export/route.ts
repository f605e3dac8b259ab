// GET /api/stats/messages/export — every outbound message of the range as CSV, streamed.
import { route } from "@/lib/http/route";
import { drillDownQuerySchema } from "@/lib/stats/contract";
import { csvResponse } from "@/lib/stats/csv";
import { exportMessages } from "@/lib/stats/export-messages";

export const GET = route({ permission: "dashboard.view", query: drillDownQuerySchema }, async ({ query }) =>
  csvResponse(exportMessages(query), `messages-${query.from.toISOString().slice(0, 10)}-${query.to.toISOString().slice(0, 10)}`),
);
