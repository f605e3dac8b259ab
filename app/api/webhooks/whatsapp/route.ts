// GET/POST /api/webhooks/whatsapp — Meta's verification handshake and signed event delivery.
import { NextResponse } from "next/server";
import { config } from "@/lib/config";
import { isDatabaseDown } from "@/lib/db/errors";
import { verifySignature } from "@/lib/whatsapp/signature";
import { receiveWebhook } from "@/lib/whatsapp/receive-webhook";
import { webhookEnvelope } from "@/lib/whatsapp/webhook-schema";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 3 * 1024 * 1024; // Meta's payloads are at most 3 MB.

export function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const challenge = params.get("hub.challenge");
  if (params.get("hub.mode") !== "subscribe" || params.get("hub.verify_token") !== config().whatsapp.verifyToken || !challenge) {
    return new Response("Verification token mismatch", { status: 403 });
  }
  return new Response(challenge, { status: 200, headers: { "content-type": "text/plain" } });
}

export async function POST(request: Request) {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return tooLarge();
  const raw = Buffer.from(await request.arrayBuffer());
  if (raw.length > MAX_BODY_BYTES) return tooLarge();

  if (!verifySignature({ body: raw, header: request.headers.get("x-hub-signature-256"), secret: config().whatsapp.appSecret })) {
    return failure(401, "INVALID_SIGNATURE", "X-Hub-Signature-256 is missing or does not match the body.");
  }

  let json: unknown;
  try {
    json = JSON.parse(raw.toString("utf8"));
  } catch {
    return failure(400, "INVALID_JSON", "The body is not valid JSON.");
  }
  const body = webhookEnvelope.safeParse(json);
  if (!body.success) {
    const where = body.error.issues[0]?.path.join(".") || "body";
    return failure(400, "INVALID_PAYLOAD", `Not a webhook notification: ${where} ${body.error.issues[0]?.message ?? ""}`.trim());
  }

  try {
    const outcome = await receiveWebhook({ body: body.data });
    return NextResponse.json({ ok: true, event: outcome.eventId, state: outcome.state });
  } catch (error) {
    if (isDatabaseDown(error)) return failure(503, "UNAVAILABLE", "The database is unavailable; retry later.");
    console.error("[webhook] could not store the event", error);
    return failure(500, "INTERNAL", "The event could not be stored.");
  }
}

function tooLarge() {
  return failure(413, "PAYLOAD_TOO_LARGE", "Webhook bodies are limited to 3 MB.");
}

function failure(status: number, code: string, message: string) {
  return NextResponse.json({ error: { code, message } }, { status });
}
