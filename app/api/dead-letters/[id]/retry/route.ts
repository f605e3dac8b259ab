// POST /api/dead-letters/:id/retry — queue the message of a send job that gave up again (admins).
import { NextResponse } from "next/server";
import { idParams, route } from "@/lib/http/route";
import { retryDeadLetter } from "@/lib/conversations/retry-dead-letter";

export const POST = route({ permission: "settings.manage", params: idParams }, async ({ user, params }) =>
  NextResponse.json(await retryDeadLetter({ deadLetterId: params.id, actor: user })),
);
