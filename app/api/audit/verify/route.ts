// GET/POST /api/audit/verify — the chain's latest check ({ ok, checked, firstBroken }) with the ones
// before it; admins run one now.
import { NextResponse } from "next/server";
import { auditChainStatus } from "@/lib/audit/chain-status";
import { runAuditVerification } from "@/lib/audit/run-verification";
import { route } from "@/lib/http/route";

export const GET = route({ permission: "audit.view" }, async ({ user }) => NextResponse.json(await auditChainStatus({ actorId: user.id })));

export const POST = route({ permission: "audit.verify" }, async ({ user }) =>
  NextResponse.json(await runAuditVerification({ trigger: "admin", actorId: user.id }), { status: 201 }),
);
