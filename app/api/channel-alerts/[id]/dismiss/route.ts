// POST /api/channel-alerts/:id/dismiss — an admin has read what Meta reported.
import { NextResponse } from "next/server";
import { idParams, route } from "@/lib/http/route";
import { dismissAlert } from "@/lib/whatsapp/channel-alerts";

export const POST = route({ permission: "settings.manage", params: idParams }, async ({ user, params }) => {
  await dismissAlert({ alertId: params.id, actor: user });
  return NextResponse.json({ ok: true });
});
