// DELETE /api/flows/:id — stop offering a Flow to agents (admins).
import { NextResponse } from "next/server";
import { idParams, route } from "@/lib/http/route";
import { removeFlow } from "@/lib/whatsapp/flows";

export const DELETE = route({ permission: "settings.manage", params: idParams }, async ({ user, params }) => {
  await removeFlow({ flowId: params.id, actor: user });
  return NextResponse.json({ ok: true });
});
