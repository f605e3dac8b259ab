// GET/POST /api/audit/verify — the recent checks of the audit chain; admins run one now.
import { NextResponse } from "next/server";
import { runAuditVerification } from "@/lib/audit/run-verification";
import { listAuditVerifications } from "@/lib/audit/verifications";
import { route } from "@/lib/http/route";

export const GET = route({ permission: "audit.view" }, async () => NextResponse.json({ items: await listAuditVerifications() }));

export const POST = route({ permission: "audit.verify" }, async ({ user }) =>
  NextResponse.json(await runAuditVerification({ trigger: "admin", actorId: user.id }), { status: 201 }),
);
