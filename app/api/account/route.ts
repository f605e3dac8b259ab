// GET/PATCH /api/account — your own name, language and time zone (every signed-in user).
import { NextResponse } from "next/server";
import { requirePermission } from "@/lib/auth/guards";
import { handle, readJson } from "@/lib/http/route";
import { getAccount } from "@/lib/users/get-account";
import { updateAccountSchema } from "@/lib/users/schemas";
import { updateAccount } from "@/lib/users/update-account";

export const GET = handle(async () => {
  const user = await requirePermission("account.manage");
  return NextResponse.json(await getAccount({ userId: user.id }));
});

export const PATCH = handle(async (request) => {
  const user = await requirePermission("account.manage");
  const changes = await readJson(request, updateAccountSchema);
  return NextResponse.json(await updateAccount({ userId: user.id, changes }));
});
