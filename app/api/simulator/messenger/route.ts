// GET/PATCH /api/simulator/messenger — the simulated Facebook Page: its customers, and whether its
// app has Meta's Human Agent permission (PATCH plays Meta's App Review). Simulator mode only.
import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http/route";
import { requireSimulatorMode } from "@/lib/simulator/guard";
import { pageFor, setPageHumanAgent, simulatorPageState } from "@/lib/simulator/messenger/customer";

export const dynamic = "force-dynamic";

const pageQuery = z.object({ page: z.string().max(64).optional() });

export const GET = route({ permission: "public", available: requireSimulatorMode, query: pageQuery }, async ({ query }) =>
  NextResponse.json(await simulatorPageState(pageFor(query.page).pageId)),
);

export const PATCH = route(
  { permission: "public", available: requireSimulatorMode, query: pageQuery, body: z.strictObject({ humanAgent: z.boolean() }) },
  async ({ query, body }) =>
    NextResponse.json(await setPageHumanAgent({ pageId: pageFor(query.page).pageId, humanAgent: body.humanAgent })),
);
