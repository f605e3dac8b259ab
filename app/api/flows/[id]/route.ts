// DELETE /api/flows/:id — stop offering a Flow to agents (admins).
import { NextResponse } from "next/server";
import { requirePermission } from "@/lib/auth/guards";
import { handle } from "@/lib/http/route";
import { removeFlow } from "@/lib/whatsapp/flows";

type Context = { params: Promise<{ id: string }> };

export const DELETE = handle(async (_request, { params }: Context) => {
  const user = await requirePermission("settings.manage");
  await removeFlow({ flowId: (await params).id, actor: user });
  return NextResponse.json({ ok: true });
});
