// POST /api/users/:id/reactivate — let a deactivated user sign in again (admins).
import { NextResponse } from "next/server";
import { idParams, route } from "@/lib/http/route";
import { setUserActive } from "@/lib/users/set-user-active";

export const POST = route({ permission: "users.manage", params: idParams }, async ({ user, params }) =>
  NextResponse.json(await setUserActive({ userId: params.id, active: true, actor: user })),
);
