// GET /api/audit — the audit log, filtered and searched, newest first, a page at a time.
import { NextResponse } from "next/server";
import { auditPageSchema } from "@/lib/audit/audit-filter";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { route } from "@/lib/http/route";

export const GET = route({ permission: "audit.view", query: auditPageSchema }, async ({ query: { cursor, limit, ...filter } }) =>
  NextResponse.json(await listAuditEvents({ filter, cursor, limit })),
);
