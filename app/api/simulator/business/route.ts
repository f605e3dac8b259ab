// GET/PATCH /api/simulator/business — the business as the customer's phone shows it; PATCH plays
// WhatsApp Manager, changing the profile without Switchboard (simulator mode only).
import { NextResponse } from "next/server";
import { z } from "zod";
import { config } from "@/lib/config";
import { route } from "@/lib/http/route";
import { businessView, editInWhatsAppManager } from "@/lib/simulator/business-view";
import { requireSimulatorMode } from "@/lib/simulator/guard";

export const dynamic = "force-dynamic";

const changes = z.record(z.string(), z.unknown());

export const GET = route({ permission: "public", available: requireSimulatorMode }, async () =>
  NextResponse.json(await businessView({ phoneNumberId: config().whatsapp.phoneNumberId })),
);

export const PATCH = route({ permission: "public", available: requireSimulatorMode, body: changes }, async ({ body }) => {
  const reply = await editInWhatsAppManager({ phoneNumberId: config().whatsapp.phoneNumberId, changes: body });
  if (reply.status !== 200) return NextResponse.json(reply.body, { status: reply.status });
  return NextResponse.json(await businessView({ phoneNumberId: config().whatsapp.phoneNumberId }));
});
