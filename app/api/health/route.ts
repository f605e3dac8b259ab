// GET /api/health — liveness, database reachability and the webhook backlog, for load balancers and monitors.
import { NextResponse } from "next/server";
import { route } from "@/lib/http/route";
import { webhookBacklog } from "@/lib/webhooks/backlog";

export const dynamic = "force-dynamic";

// A long backlog is "degraded" but still 200: every instance shares it, and taking one out of the
// load balancer would not shorten it.
export const GET = route({ permission: "public" }, async () => {
  try {
    const backlog = await webhookBacklog();
    return NextResponse.json({
      ok: true,
      db: "up",
      status: backlog.degraded ? "degraded" : "ok",
      webhooks: { backlog: backlog.bodies, lagSeconds: backlog.lagSeconds },
    });
  } catch {
    return NextResponse.json({ ok: false, db: "down" }, { status: 503 });
  }
});
