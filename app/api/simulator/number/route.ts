// GET/PATCH /api/simulator/number — the simulator's control panel for the number's quality rating and
// messaging limit; a change sends the phone_number_quality_update webhook Meta would (simulator mode only).
import { NextResponse } from "next/server";
import { z } from "zod";
import { config } from "@/lib/config";
import { route } from "@/lib/http/route";
import { requireSimulatorMode } from "@/lib/simulator/guard";
import { changeNumberHealth, numberControls } from "@/lib/simulator/number-controls";
import { messagingTiers } from "@/lib/simulator/phone-number-state";

export const dynamic = "force-dynamic";

const body = z.strictObject({
  quality: z.enum(["GREEN", "YELLOW", "RED"], { error: "The quality rating is GREEN, YELLOW or RED." }).optional(),
  limit: z.enum(messagingTiers, { error: `The messaging limit is one of ${messagingTiers.join(", ")}.` }).optional(),
});

export const GET = route({ permission: "public", available: requireSimulatorMode }, async () =>
  NextResponse.json(await numberControls({ phoneNumberId: config().whatsapp.phoneNumberId })),
);

export const PATCH = route({ permission: "public", available: requireSimulatorMode, body }, async ({ body }) =>
  NextResponse.json(await changeNumberHealth({ phoneNumberId: config().whatsapp.phoneNumberId, ...body })),
);
