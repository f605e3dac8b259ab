// GET /api/simulator/customers/:waId/media/:mediaId — a file the business sent this customer, for
// the simulated phone (which, like a real one, needs no Graph API token to show it).
import { NextResponse } from "next/server";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { requireSimulatorMode } from "@/lib/simulator/guard";
import { simulatorMediaBytes } from "@/lib/simulator/media-store";

const params = z.object({ waId: z.string(), mediaId: z.string() });

export const GET = route({ permission: "public", available: requireSimulatorMode, params }, async ({ params: { waId, mediaId } }) => {
  // Only files that were actually sent to this customer.
  const [sent] = await db.$queryRaw<{ wamid: string }[]>`
    SELECT wamid FROM "SimulatorMessage"
    WHERE "customerWaId" = ${waId} AND direction = 'OUTBOUND' AND jsonb_path_exists(payload, '$.** ? (@.id == $id)', jsonb_build_object('id', ${mediaId}::text))
    LIMIT 1`;
  const file = sent ? await simulatorMediaBytes(mediaId) : null;
  if (!file) throw new AppError("NOT_FOUND", "No such file in this chat.");
  return new NextResponse(new Uint8Array(file.bytes), {
    headers: {
      "content-type": file.info.mimeType,
      "content-length": String(file.info.size),
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
});
