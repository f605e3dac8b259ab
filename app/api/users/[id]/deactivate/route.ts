// POST /api/users/:id/deactivate — end a user's access: they are signed out everywhere and can't sign in (admins).
import { NextResponse } from "next/server";
import { idParams, route } from "@/lib/http/route";
import { setUserActive } from "@/lib/users/set-user-active";

export const POST = route({ permission: "users.manage", params: idParams }, async ({ user, params }) =>
  NextResponse.json(await setUserActive({ userId: params.id, active: false, actor: user })),
);
