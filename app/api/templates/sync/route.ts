// POST /api/templates/sync — fetch every template from Meta now (admins).
import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { syncTemplatesNow } from "@/lib/whatsapp/sync-templates-now";

export const POST = route({ permission: "settings.manage" }, async () => NextResponse.json({ items: await syncTemplatesNow() }));
