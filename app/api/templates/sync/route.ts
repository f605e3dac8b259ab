// POST /api/templates/sync — fetch every template from Meta now (admins).
import { NextResponse } from "next/server";
import { requirePermission } from "@/lib/auth/guards";
import { handle } from "@/lib/http/route";
import { syncTemplatesNow } from "@/lib/whatsapp/sync-templates-now";

export const POST = handle(async () => {
  await requirePermission("settings.manage");
  return NextResponse.json({ items: await syncTemplatesNow() });
});
