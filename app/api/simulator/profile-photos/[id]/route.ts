// GET /api/simulator/profile-photos/:id — a business profile photo, public like the address Meta's CDN serves it at (simulator mode only).
import { NextResponse } from "next/server";
import { idParams, route } from "@/lib/http/route";
import { requireSimulatorMode } from "@/lib/simulator/guard";
import { simulatorMediaBytes } from "@/lib/simulator/media-store";

export const GET = route({ permission: "public", available: requireSimulatorMode, params: idParams }, async ({ params }) => {
  const media = await simulatorMediaBytes(params.id);
  if (!media?.info.mimeType.startsWith("image/"))
    return NextResponse.json({ error: { code: "NOT_FOUND", message: "No such photo." } }, { status: 404 });
  return new Response(new Uint8Array(media.bytes), {
    headers: { "content-type": media.info.mimeType, "content-length": String(media.info.size), "cache-control": "public, max-age=3600" },
  });
});
