// DELETE /api/canned-responses/:id — remove a saved reply (managers and admins).
import { NextResponse } from "next/server";
import { requirePermission } from "@/lib/auth/guards";
import { handle } from "@/lib/http/route";
import { deleteCannedResponse } from "@/lib/inbox/workspace-lists";

type Context = { params: Promise<{ id: string }> };

export const DELETE = handle(async (_request, { params }: Context) => {
  const user = await requirePermission("canned.manage");
  await deleteCannedResponse({ id: (await params).id, actor: user });
  return NextResponse.json({ ok: true });
});
