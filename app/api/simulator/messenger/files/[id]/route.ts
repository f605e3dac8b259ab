// GET /api/simulator/messenger/files/:id — a file sent on Messenger, public at its address as
// Meta's CDN serves attachments (simulator mode only).
import { NextResponse } from "next/server";
import { idParams, route } from "@/lib/http/route";
import { requireSimulatorMode } from "@/lib/simulator/guard";
import { simulatorMediaBytes } from "@/lib/simulator/media-store";

export const GET = route({ permission: "public", available: requireSimulatorMode, params: idParams }, async ({ params }) => {
  const media = await simulatorMediaBytes(params.id);
  if (!media) return NextResponse.json({ error: { code: "NOT_FOUND", message: "No such file." } }, { status: 404 });
  // Pictures, video and sound show in place; anything else is only ever downloaded.
  const inline = /^(image|video|audio)\//.test(media.info.mimeType) && media.info.mimeType !== "image/svg+xml";
  return new Response(new Uint8Array(media.bytes), {
    headers: {
      "content-type": media.info.mimeType,
      "content-length": String(media.info.size),
      "content-disposition": `${inline ? "inline" : "attachment"}; filename="${(media.info.fileName ?? media.info.id).replace(/[^\w.-]/g, "_")}"`,
      "x-content-type-options": "nosniff",
    },
  });
});
