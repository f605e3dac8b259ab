// GET/PATCH /api/notifications — the signed-in user's mentions and assignments; mark them read.
import { NextResponse } from "next/server";
import { z } from "zod";
import { requireUser } from "@/lib/auth/guards";
import { handle, readJson } from "@/lib/http/route";
import { listNotifications, markNotificationsRead } from "@/lib/inbox/workspace-lists";

const read = z.object({ ids: z.array(z.string().min(1)).max(100).optional() }).strict();

export const GET = handle(async () => {
  const user = await requireUser();
  return NextResponse.json(await listNotifications({ userId: user.id }));
});

export const PATCH = handle(async (request) => {
  const user = await requireUser();
  const { ids } = await readJson(request, read);
  await markNotificationsRead({ userId: user.id, ids });
  return NextResponse.json({ ok: true });
});
