// POST /api/password-reset — set a new password with a reset link's token; ends every session (no session; the token is the permission).
import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { resetPassword } from "@/lib/users/reset-password";
import { resetPasswordSchema } from "@/lib/users/schemas";

export const POST = route({ permission: "public", body: resetPasswordSchema }, async ({ body }) =>
  NextResponse.json(await resetPassword(body)),
);
