// POST /api/account/password — change your password, proving the current one; ends every session, this one too (every signed-in user).
import { NextResponse } from "next/server";
import { requirePermission } from "@/lib/auth/guards";
import { clientAddress } from "@/lib/http/client-address";
import { handle, readJson } from "@/lib/http/route";
import { changePassword } from "@/lib/users/change-password";
import { changePasswordSchema } from "@/lib/users/schemas";

export const POST = handle(async (request) => {
  const user = await requirePermission("account.manage");
  const input = await readJson(request, changePasswordSchema);
  return NextResponse.json(await changePassword({ userId: user.id, ...input, address: clientAddress(request.headers) }));
});
