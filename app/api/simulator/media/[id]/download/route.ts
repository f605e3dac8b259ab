// GET /api/simulator/media/:id/download — a file's bytes, as Meta's media URL serves them: only with the access token.
import { NextResponse } from "next/server";
import { config } from "@/lib/config";
import { idParams, route } from "@/lib/http/route";
import { requireSimulatorMode } from "@/lib/simulator/guard";
import { simulatorMediaBytes } from "@/lib/simulator/media-store";

// "public" to a Switchboard session: like Meta's, the URL asks for the Graph API access token instead.
export const GET = route({ permission: "public", available: requireSimulatorMode, params: idParams }, async ({ request, params }) => {
  if (request.headers.get("authorization") !== `Bearer ${config().whatsapp.accessToken}`) {
    return NextResponse.json({ error: { message: "Invalid OAuth access token", type: "OAuthException", code: 190 } }, { status: 401 });
  }
  const media = await simulatorMediaBytes(params.id);
  if (!media) return NextResponse.json({ error: { message: "Media not found", code: 100 } }, { status: 404 });
  return new Response(new Uint8Array(media.bytes), {
    headers: { "content-type": media.info.mimeType, "content-length": String(media.info.size), "cache-control": "private, no-store" },
  });
});
