// POST /api/setup — create the first admin with the setup link printed at the first start (no session; the token is the permission).
import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { completeSetup } from "@/lib/users/complete-setup";
import { setupSchema } from "@/lib/users/schemas";

export const POST = route({ permission: "public", body: setupSchema }, async ({ body }) =>
  NextResponse.json(await completeSetup(body), { status: 201 }),
);
