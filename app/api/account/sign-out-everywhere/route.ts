// POST /api/account/sign-out-everywhere — end every session you have, on every device (every signed-in user).
import { NextResponse } from "next/server";
import { requirePermission } from "@/lib/auth/guards";
import { handle } from "@/lib/http/route";
import { signOutEverywhere } from "@/lib/users/sign-out-everywhere";

export const POST = handle(async () => {
  const user = await requirePermission("account.manage");
  await signOutEverywhere({ user });
  return NextResponse.json({ ok: true });
});
