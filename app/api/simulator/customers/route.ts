// GET /api/simulator/customers — the simulated phones that have talked to the business.
import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { customers } from "@/lib/simulator/customer-phone";
import { requireSimulatorMode } from "@/lib/simulator/guard";
import { businessNumber, businessQuery } from "@/lib/simulator/meta-apps";

export const dynamic = "force-dynamic";

export const GET = route({ permission: "public", available: requireSimulatorMode, query: businessQuery }, async ({ query }) =>
  NextResponse.json({ items: await customers({ phoneNumberId: businessNumber(query.business) }) }),
);
