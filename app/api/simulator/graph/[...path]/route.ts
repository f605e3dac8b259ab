// /api/simulator/graph/* — the simulator's stand-in for graph.facebook.com (simulator mode only).
import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http/route";
import { handleGraphRequest } from "@/lib/simulator/graph-api";
import { config } from "@/lib/config";
import { requireSimulatorMode } from "@/lib/simulator/guard";
import { faultyResponse } from "@/lib/simulator/send-faults";

const segments = z.object({ path: z.array(z.string()) });

// No body schema: the Graph API answers a bad body in Meta's own error shape, and media uploads are
// multipart, as Meta's are, so respond() reads the body itself.
async function respond({ request, params }: { request: Request; params: z.output<typeof segments> }) {
  const contentType = request.headers.get("content-type") ?? "";
  const multipart = contentType.startsWith("multipart/form-data");
  // The Resumable Upload API's POST /upload:<session> carries the file's raw bytes.
  const raw = contentType.startsWith("application/octet-stream");
  const text = request.method === "GET" || multipart || raw ? "" : await request.text();
  let body: unknown = multipart
    ? await request.formData().catch(() => undefined)
    : raw
      ? new Uint8Array(await request.arrayBuffer())
      : undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      return NextResponse.json({ error: { message: "(#100) Invalid JSON body", type: "OAuthException", code: 100 } }, { status: 400 });
    }
  }
  const reply = await handleGraphRequest({
    method: request.method,
    segments: params.path,
    query: new URL(request.url).searchParams,
    authorization: request.headers.get("authorization"),
    body,
    headers: request.headers,
  });
  if (reply.fault)
    return faultyResponse(reply.fault, reply.body, { signal: request.signal, callerTimeoutMs: config().whatsapp.graphTimeoutMs });
  return NextResponse.json(reply.body, { status: reply.status });
}

export const GET = route({ permission: "public", available: requireSimulatorMode, params: segments }, respond);
export const POST = route({ permission: "public", available: requireSimulatorMode, params: segments }, respond);
export const DELETE = route({ permission: "public", available: requireSimulatorMode, params: segments }, respond);
