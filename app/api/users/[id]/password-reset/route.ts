// POST /api/users/:id/password-reset — make a one-hour password-reset link for a user, shown once (admins).
import { NextResponse } from "next/server";
import { idParams, route } from "@/lib/http/route";
import { requestLocale } from "@/lib/i18n/preferences";
import { issuePasswordReset } from "@/lib/users/issue-password-reset";

export const POST = route({ permission: "users.manage", params: idParams }, async ({ request, user, params }) =>
  NextResponse.json(await issuePasswordReset({ userId: params.id, actor: user, locale: await requestLocale(request) }), {
    status: 201,
  }),
);
