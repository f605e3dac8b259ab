// GET/PATCH /api/simulator/customers/:waId — a simulated customer's phone settings (whether they
// read what the business sends; whether the business blocked them; its typing indicator).
import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http/route";
import { phoneSettings, updatePhoneSettings } from "@/lib/simulator/customer-settings";
import { requireSimulatorMode } from "@/lib/simulator/guard";
import { businessNumber, businessQuery } from "@/lib/simulator/meta-apps";

const params = z.object({
  waId: z.string().regex(/^\d{6,15}$/, "A phone number in international format, digits only (e.g. 4915112345678)."),
});
const settings = z.strictObject({ readsMessages: z.boolean() });

export const dynamic = "force-dynamic";

export const GET = route(
  { permission: "public", available: requireSimulatorMode, params, query: businessQuery },
  async ({ params: { waId }, query }) => NextResponse.json(await phoneSettings({ phoneNumberId: businessNumber(query.business), waId })),
);

export const PATCH = route(
  { permission: "public", available: requireSimulatorMode, params, query: businessQuery, body: settings },
  async ({ params, query, body }) =>
    NextResponse.json(await updatePhoneSettings({ phoneNumberId: businessNumber(query.business), waId: params.waId, ...body })),
);
