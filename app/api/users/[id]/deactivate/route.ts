// POST /api/users/:id/deactivate — end a user's access: they are signed out everywhere and can't sign in (admins).
import { NextResponse } from "next/server";
import { requirePermission } from "@/lib/auth/guards";
import { handle } from "@/lib/http/route";
import { setUserActive } from "@/lib/users/set-user-active";

type Context = { params: Promise<{ id: string }> };

export const POST = handle(async (_request, { params }: Context) => {
  const actor = await requirePermission("users.manage");
  return NextResponse.json(await setUserActive({ userId: (await params).id, active: false, actor }));
});
