// POST /api/account/sign-out-everywhere — end every session you have, on every device (every signed-in user).
import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { signOutEverywhere } from "@/lib/users/sign-out-everywhere";

export const POST = route({ permission: "account.manage" }, async ({ user }) => {
  await signOutEverywhere({ user });
  return NextResponse.json({ ok: true });
});
