// GET /api/simulator/messenger/pictures/:psid — a simulated customer's profile picture, public at
// the address the User Profile API gives, as Meta's CDN serves it (simulator mode only).
import { z } from "zod";
import { route } from "@/lib/http/route";
import { requireSimulatorMode } from "@/lib/simulator/guard";
import { profilePicture } from "@/lib/simulator/messenger/picture";

const params = z.object({ psid: z.string().regex(/^\d{10,20}$/) });

export const GET = route({ permission: "public", available: requireSimulatorMode, params }, async ({ params: { psid } }) => {
  const png = profilePicture(psid);
  return new Response(new Uint8Array(png), { headers: { "content-type": "image/png", "content-length": String(png.length) } });
});
