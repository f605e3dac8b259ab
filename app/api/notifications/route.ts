// GET/PATCH /api/notifications — the signed-in user's mentions and assignments; mark them read.
import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http/route";
import { listNotifications, markNotificationsRead } from "@/lib/conversations/notifications";

const read = z.object({ ids: z.array(z.string().min(1)).max(100).optional() }).strict();

// Every role has inbox.view: these are the caller's own mentions and assignments in the inbox.
export const GET = route({ permission: "inbox.view" }, async ({ user }) => NextResponse.json(await listNotifications({ userId: user.id })));

export const PATCH = route({ permission: "inbox.view", body: read }, async ({ user, body }) => {
  await markNotificationsRead({ userId: user.id, ids: body.ids });
  return NextResponse.json({ ok: true });
});
