// PATCH /api/users/:id — change a user's role, inboxes or teams (admins).
import { NextResponse } from "next/server";
import { idParams, route } from "@/lib/http/route";
import { updateUserSchema } from "@/lib/users/schemas";
import { updateUser } from "@/lib/users/update-user";

export const PATCH = route({ permission: "users.manage", params: idParams, body: updateUserSchema }, async ({ user, params, body }) =>
  NextResponse.json(await updateUser({ userId: params.id, ...body, actor: user })),
);
