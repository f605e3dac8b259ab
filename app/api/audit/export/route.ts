// GET /api/audit/export — the filtered audit log as a CSV or JSON Lines download, streamed.
import { auditExportSchema } from "@/lib/audit/audit-filter";
import { exportAuditEvents, exportFileName } from "@/lib/audit/export-audit-events";
import { route } from "@/lib/http/route";

const contentTypes = { csv: "text/csv; charset=utf-8", jsonl: "application/jsonl; charset=utf-8" } as const;

export const GET = route({ permission: "audit.view", query: auditExportSchema }, async ({ query: { format, ...filter }, user }) => {
  const body = await exportAuditEvents({ filter, format, actor: user });
  return new Response(body, {
    headers: {
      "content-type": contentTypes[format],
      "content-disposition": `attachment; filename="${exportFileName(format)}"`,
      "cache-control": "no-store",
    },
  });
});
