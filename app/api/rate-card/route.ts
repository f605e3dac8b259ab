// GET/PUT /api/rate-card — template prices by category and country code; admins replace the table.
import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http/route";
import { rateCategories } from "@/lib/billing/estimate-cost";
import { listRates, replaceRates } from "@/lib/billing/rate-card";

const rates = z.object({
  rates: z
    .array(
      z.object({
        category: z.enum(rateCategories),
        countryCode: z.string().regex(/^(\*|\d{1,4})$/, { error: "A calling code (1–4 digits) or * for every other country." }),
        price: z.number().min(0).max(100),
        currency: z
          .string()
          .regex(/^[A-Z]{3}$/)
          .default("USD"),
      }),
    )
    .max(2000),
});

export const GET = route({ permission: "inbox.view" }, async () => NextResponse.json({ items: await listRates() }));

export const PUT = route({ permission: "settings.manage", body: rates }, async ({ user, body }) =>
  NextResponse.json({ items: await replaceRates({ rates: body.rates, actor: user }) }),
);
