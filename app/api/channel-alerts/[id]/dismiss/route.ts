// POST /api/channel-alerts/:id/dismiss — an admin has read what Meta reported.
import { NextResponse } from "next/server";
import { requirePermission } from "@/lib/auth/guards";
import { handle } from "@/lib/http/route";
import { dismissAlert } from "@/lib/whatsapp/channel-alerts";

type Context = { params: Promise<{ id: string }> };

export const POST = handle(async (_request, { params }: Context) => {
  const user = await requirePermission("settings.manage");
  const { id } = await params;
  await dismissAlert({ alertId: id, actor: user });
  return NextResponse.json({ ok: true });
});
