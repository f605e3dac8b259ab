// GET/POST /api/simulator/customers/:waId/messages — a simulated customer's chat with the business.
import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http/route";
import { customerMessage } from "@/lib/simulator/customer-message";
import { customerThread, sendAsCustomer } from "@/lib/simulator/customer-phone";
import { requireSimulatorMode } from "@/lib/simulator/guard";
import { businessNumber, businessQuery } from "@/lib/simulator/meta-apps";

const params = z.object({
  waId: z.string().regex(/^\d{6,15}$/, "A phone number in international format, digits only (e.g. 4915112345678)."),
});
// The customer's name plus one message of any kind; a body without "kind" is a text message.
const message = z.preprocess(
  (body) => (body && typeof body === "object" && !("kind" in body) ? { ...body, kind: "text" } : body),
  z.object({ name: z.string().trim().min(1).max(80) }).and(customerMessage),
);

export const GET = route(
  { permission: "public", available: requireSimulatorMode, params, query: businessQuery },
  async ({ params: { waId }, query }) =>
    NextResponse.json({ items: await customerThread({ phoneNumberId: businessNumber(query.business), waId }) }),
);

export const POST = route(
  { permission: "public", available: requireSimulatorMode, params, query: businessQuery, body: message },
  async ({ params, query, body }) => {
    const { name, ...input } = body;
    const result = await sendAsCustomer({ phoneNumberId: businessNumber(query.business), waId: params.waId, name, input });
    return NextResponse.json(result, { status: 201 });
  },
);
