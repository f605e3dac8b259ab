// GET/PATCH /api/simulator/customers/:waId — a simulated customer's phone settings (whether they
// read what the business sends; whether the business blocked them; its typing indicator).
import { config } from "@/lib/config";
import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, readJson } from "@/lib/http/route";
import { phoneSettings, updatePhoneSettings } from "@/lib/simulator/customer-settings";
import { requireSimulatorMode } from "@/lib/simulator/guard";

type Context = { params: Promise<{ waId: string }> };

const waIdSchema = z.string().regex(/^\d{6,15}$/, "A phone number in international format, digits only (e.g. 4915112345678).");
const settings = z.strictObject({ readsMessages: z.boolean() });

export const dynamic = "force-dynamic";

export const GET = handle(async (_request, { params }: Context) => {
  requireSimulatorMode();
  const waId = waIdSchema.parse((await params).waId);
  return NextResponse.json(await phoneSettings({ phoneNumberId: config().whatsapp.phoneNumberId, waId }));
});

export const PATCH = handle(async (request, { params }: Context) => {
  requireSimulatorMode();
  const waId = waIdSchema.parse((await params).waId);
  const { readsMessages } = await readJson(request, settings);
  return NextResponse.json(await updatePhoneSettings({ phoneNumberId: config().whatsapp.phoneNumberId, waId, readsMessages }));
});
