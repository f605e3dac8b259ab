// DELETE /api/canned-responses/:id — remove a saved reply (managers and admins).
import { NextResponse } from "next/server";
import { idParams, route } from "@/lib/http/route";
import { deleteCannedResponse } from "@/lib/conversations/canned-responses";

export const DELETE = route({ permission: "canned.manage", params: idParams }, async ({ user, params }) => {
  await deleteCannedResponse({ id: params.id, actor: user });
  return NextResponse.json({ ok: true });
});
