// POST /api/users/:id/password-reset — make a one-hour password-reset link for a user, shown once (admins).
import { NextResponse } from "next/server";
import { requirePermission } from "@/lib/auth/guards";
import { handle } from "@/lib/http/route";
import { issuePasswordReset } from "@/lib/users/issue-password-reset";

type Context = { params: Promise<{ id: string }> };

export const POST = handle(async (_request, { params }: Context) => {
  const actor = await requirePermission("users.manage");
  return NextResponse.json(await issuePasswordReset({ userId: (await params).id, actor }), { status: 201 });
});
