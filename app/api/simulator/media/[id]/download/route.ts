// GET /api/simulator/media/:id/download — a file's bytes, as Meta's media URL serves them: only with the access token.
import { NextResponse } from "next/server";
import { config } from "@/lib/config";
import { handle } from "@/lib/http/route";
import { requireSimulatorMode } from "@/lib/simulator/guard";
import { simulatorMediaBytes } from "@/lib/simulator/media-store";

type Context = { params: Promise<{ id: string }> };

export const GET = handle(async (request, { params }: Context) => {
  requireSimulatorMode();
  if (request.headers.get("authorization") !== `Bearer ${config().whatsapp.accessToken}`) {
    return NextResponse.json({ error: { message: "Invalid OAuth access token", type: "OAuthException", code: 190 } }, { status: 401 });
  }
  const media = await simulatorMediaBytes((await params).id);
  if (!media) return NextResponse.json({ error: { message: "Media not found", code: 100 } }, { status: 404 });
  return new Response(new Uint8Array(media.bytes), {
    headers: { "content-type": media.info.mimeType, "content-length": String(media.info.size), "cache-control": "private, no-store" },
  });
});
