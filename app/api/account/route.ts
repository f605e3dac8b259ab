// GET/PATCH /api/account — your own name, language and time zone (every signed-in user).
import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { getAccount } from "@/lib/users/get-account";
import { updateAccountSchema } from "@/lib/users/schemas";
import { updateAccount } from "@/lib/users/update-account";

export const GET = route({ permission: "account.manage" }, async ({ user }) => NextResponse.json(await getAccount({ userId: user.id })));

export const PATCH = route({ permission: "account.manage", body: updateAccountSchema }, async ({ user, body }) =>
  NextResponse.json(await updateAccount({ userId: user.id, changes: body })),
);
