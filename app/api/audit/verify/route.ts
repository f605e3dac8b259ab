// GET/POST /api/audit/verify — the recent checks of the audit chain; admins run one now.
import { NextResponse } from "next/server";
import { requirePermission } from "@/lib/auth/guards";
import { runAuditVerification } from "@/lib/audit/run-verification";
import { listAuditVerifications } from "@/lib/audit/verifications";
import { handle } from "@/lib/http/route";

export const GET = handle(async () => {
  await requirePermission("audit.view");
  return NextResponse.json({ items: await listAuditVerifications() });
});

export const POST = handle(async () => {
  const user = await requirePermission("audit.verify");
  return NextResponse.json(await runAuditVerification({ trigger: "admin", actorId: user.id }), { status: 201 });
});
