// POST /api/setup — create the first admin with the setup link printed at the first start (no session; the token is the permission).
import { NextResponse } from "next/server";
import { handle, readJson } from "@/lib/http/route";
import { completeSetup } from "@/lib/users/complete-setup";
import { setupSchema } from "@/lib/users/schemas";

export const POST = handle(async (request) => {
  const input = await readJson(request, setupSchema);
  return NextResponse.json(await completeSetup(input), { status: 201 });
});
