// GET /api/simulator/customers — the simulated phones that have talked to the business.
import { config } from "@/lib/config";
import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { customers } from "@/lib/simulator/customer-phone";
import { requireSimulatorMode } from "@/lib/simulator/guard";

export const dynamic = "force-dynamic";

export const GET = route({ permission: "public", available: requireSimulatorMode }, async () =>
  NextResponse.json({ items: await customers({ phoneNumberId: config().whatsapp.phoneNumberId }) }),
);
