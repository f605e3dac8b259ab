// GET/PATCH /api/simulator/customers/:waId — a simulated customer's phone settings (whether they
// read what the business sends; whether the business blocked them; its typing indicator).
import { config } from "@/lib/config";
import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http/route";
import { phoneSettings, updatePhoneSettings } from "@/lib/simulator/customer-settings";
import { requireSimulatorMode } from "@/lib/simulator/guard";

const params = z.object({
  waId: z.string().regex(/^\d{6,15}$/, "A phone number in international format, digits only (e.g. 4915112345678)."),
});
const settings = z.strictObject({ readsMessages: z.boolean() });

export const dynamic = "force-dynamic";

export const GET = route({ permission: "public", available: requireSimulatorMode, params }, async ({ params: { waId } }) =>
  NextResponse.json(await phoneSettings({ phoneNumberId: config().whatsapp.phoneNumberId, waId })),
);

export const PATCH = route({ permission: "public", available: requireSimulatorMode, params, body: settings }, async ({ params, body }) =>
  NextResponse.json(await updatePhoneSettings({ phoneNumberId: config().whatsapp.phoneNumberId, waId: params.waId, ...body })),
);
