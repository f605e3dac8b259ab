// POST /api/account/password — change your password, proving the current one; ends every session, this one too (every signed-in user).
import { NextResponse } from "next/server";
import { clientAddress } from "@/lib/http/client-address";
import { route } from "@/lib/http/route";
import { changePassword } from "@/lib/users/change-password";
import { changePasswordSchema } from "@/lib/users/schemas";

export const POST = route({ permission: "account.manage", body: changePasswordSchema }, async ({ request, user, body }) =>
  NextResponse.json(await changePassword({ userId: user.id, ...body, address: clientAddress(request.headers) })),
);
