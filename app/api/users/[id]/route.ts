// PATCH /api/users/:id — change a user's role, inboxes or teams (admins).
import { NextResponse } from "next/server";
import { requirePermission } from "@/lib/auth/guards";
import { handle, readJson } from "@/lib/http/route";
import { updateUserSchema } from "@/lib/users/schemas";
import { updateUser } from "@/lib/users/update-user";

type Context = { params: Promise<{ id: string }> };

export const PATCH = handle(async (request, { params }: Context) => {
  const actor = await requirePermission("users.manage");
  const changes = await readJson(request, updateUserSchema);
  return NextResponse.json(await updateUser({ userId: (await params).id, ...changes, actor }));
});
