// DELETE /api/invites/:id — withdraw a pending invitation; its link stops working (admins).
import { NextResponse } from "next/server";
import { requirePermission } from "@/lib/auth/guards";
import { handle } from "@/lib/http/route";
import { revokeInvite } from "@/lib/users/revoke-invite";

type Context = { params: Promise<{ id: string }> };

export const DELETE = handle(async (_request, { params }: Context) => {
  const actor = await requirePermission("users.manage");
  await revokeInvite({ inviteId: (await params).id, actor });
  return NextResponse.json({ ok: true });
});
