// GET/POST /api/simulator/customers/:waId/messages — a simulated customer's chat with the business.
import { NextResponse } from "next/server";
import { z } from "zod";
import { handle, readJson } from "@/lib/http/route";
import { customerThread, sendAsCustomer } from "@/lib/simulator/customer-phone";
import { requireSimulatorMode } from "@/lib/simulator/guard";

type Context = { params: Promise<{ waId: string }> };

const waIdSchema = z.string().regex(/^\d{6,15}$/, "A phone number in international format, digits only (e.g. 4915112345678).");
const message = z.object({ name: z.string().trim().min(1).max(80), text: z.string().trim().min(1).max(4096) });

export const GET = handle(async (_request, { params }: Context) => {
  requireSimulatorMode();
  const waId = waIdSchema.parse((await params).waId);
  return NextResponse.json({ items: await customerThread({ phoneNumberId: process.env.WHATSAPP_PHONE_NUMBER_ID!, waId }) });
});

export const POST = handle(async (request, { params }: Context) => {
  requireSimulatorMode();
  const waId = waIdSchema.parse((await params).waId);
  const { name, text } = await readJson(request, message);
  const result = await sendAsCustomer({ phoneNumberId: process.env.WHATSAPP_PHONE_NUMBER_ID!, waId, name, text });
  return NextResponse.json(result, { status: 201 });
});
