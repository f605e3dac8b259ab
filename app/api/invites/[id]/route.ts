// DELETE /api/invites/:id — withdraw a pending invitation; its link stops working (admins).
import { NextResponse } from "next/server";
import { idParams, route } from "@/lib/http/route";
import { revokeInvite } from "@/lib/users/revoke-invite";

export const DELETE = route({ permission: "users.manage", params: idParams }, async ({ user, params }) => {
  await revokeInvite({ inviteId: params.id, actor: user });
  return NextResponse.json({ ok: true });
});
