// /api/simulator/graph/* — the simulator's stand-in for graph.facebook.com (simulator mode only).
import { NextResponse } from "next/server";
import { handle } from "@/lib/http/route";
import { handleGraphRequest } from "@/lib/simulator/graph-api";
import { requireSimulatorMode } from "@/lib/simulator/guard";

type Context = { params: Promise<{ path: string[] }> };

async function respond(request: Request, { params }: Context) {
  requireSimulatorMode();
  const { path } = await params;
  // Media uploads are multipart, as Meta's are; everything else is JSON.
  const multipart = (request.headers.get("content-type") ?? "").startsWith("multipart/form-data");
  const text = request.method === "GET" || multipart ? "" : await request.text();
  let body: unknown = multipart ? await request.formData().catch(() => undefined) : undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      return NextResponse.json({ error: { message: "(#100) Invalid JSON body", type: "OAuthException", code: 100 } }, { status: 400 });
    }
  }
  const reply = await handleGraphRequest({
    method: request.method,
    segments: path,
    query: new URL(request.url).searchParams,
    authorization: request.headers.get("authorization"),
    body,
  });
  return NextResponse.json(reply.body, { status: reply.status });
}

export const GET = handle(respond);
export const POST = handle(respond);
export const DELETE = handle(respond);
