// GET/POST /api/webhooks/whatsapp — Meta's verification handshake and signed event delivery.
import { after, NextResponse } from "next/server";
import { allVerifyTokens } from "@/lib/channels/credentials";
import { isDatabaseDown } from "@/lib/db/errors";
import { lingerThenCancel, readLimitedBody } from "@/lib/http/read-limited-body";
import { route } from "@/lib/http/route";
import { parseWebhookJson } from "@/lib/whatsapp/parse-webhook-json";
import { verifySignature } from "@/lib/whatsapp/signature";
import { receiveWebhook } from "@/lib/whatsapp/receive-webhook";
import { verifyTokenMatches } from "@/lib/whatsapp/verify-token";
import { appSecretFor } from "@/lib/whatsapp/webhook-secret";
import { webhookEnvelope } from "@/lib/whatsapp/webhook-schema";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 3 * 1024 * 1024; // Meta's payloads are at most 3 MB.

// Meta holds no session: the verify token (GET) and the body's signature (POST) are the permission.
// Each channel has its own verify token; any of them completes the handshake.
export const GET = route({ permission: "public" }, async ({ request }) => {
  const params = new URL(request.url).searchParams;
  const challenge = params.get("hub.challenge");
  const given = params.get("hub.verify_token");
  const tokenMatches = (await allVerifyTokens()).some((expected) => verifyTokenMatches({ given, expected }));
  if (params.get("hub.mode") !== "subscribe" || !tokenMatches || !challenge) {
    return new Response("Verification token mismatch", { status: 403 });
  }
  return new Response(challenge, { status: 200, headers: { "content-type": "text/plain" } });
});

// No body schema: the raw bytes are read here, with a size limit, because the signature covers them.
export const POST = route({ permission: "public" }, async ({ request }) => {
  // A declared length over the limit is refused before a byte is read; an undeclared or false one
  // as soon as the count passes it. Either way the upload is cut off once the 413 is out.
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    after(() => (request.body ? lingerThenCancel(request.body) : undefined));
    return tooLarge();
  }
  let read;
  try {
    read = await readLimitedBody({ body: request.body, limit: MAX_BODY_BYTES });
  } catch {
    return failure(400, "UNREADABLE_BODY", "The body could not be read to its end.");
  }
  if (!read.ok) {
    after(read.cancel);
    return tooLarge();
  }
  const raw = read.bytes;

  // The numbers the body names choose the app secret (lib/whatsapp/webhook-secret.ts); nothing in
  // it is trusted until the signature matches.
  const json = parseWebhookJson(raw);
  const secret = await appSecretFor(json.ok ? json.value : null);
  if (!secret) return failure(401, "INVALID_SIGNATURE", "The body names WhatsApp numbers of different Meta apps, or too many numbers.");
  if (!verifySignature({ body: raw, header: request.headers.get("x-hub-signature-256"), secret })) {
    return failure(401, "INVALID_SIGNATURE", "X-Hub-Signature-256 is missing or does not match the body.");
  }
  if (!json.ok) return failure(400, "INVALID_JSON", "The body is not valid JSON.");
  const body = webhookEnvelope.safeParse(json.value);
  if (!body.success) {
    const where = body.error.issues[0]?.path.join(".") || "body";
    return failure(400, "INVALID_PAYLOAD", `Not a webhook notification: ${where} ${body.error.issues[0]?.message ?? ""}`.trim());
  }

  try {
    const outcome = await receiveWebhook({ body: body.data });
    // Malformed items are in the log and answered 200 (no redelivery can fix them); a body whose
    // processing failed as a whole is answered 500, so Meta delivers it again.
    if (outcome.retry) return failure(500, "NOT_PROCESSED", "The event could not be processed; deliver it again.");
    return NextResponse.json({
      ok: true,
      event: outcome.eventId,
      state: outcome.state,
      ...(outcome.error ? { problems: outcome.error } : {}),
    });
  } catch (error) {
    if (isDatabaseDown(error)) return failure(503, "UNAVAILABLE", "The database is unavailable; retry later.");
    console.error("[webhook] could not store the event", error);
    return failure(500, "INTERNAL", "The event could not be stored.");
  }
});

// No "Connection: close": Node would close the socket as soon as the answer is written, while the
// sender is still writing, and it could see a reset instead of the 413. The upload is ended after
// a short linger instead (lingerThenCancel).
function tooLarge() {
  return failure(413, "PAYLOAD_TOO_LARGE", "Webhook bodies are limited to 3 MB.");
}

function failure(status: number, code: string, message: string) {
  return NextResponse.json({ error: { code, message } }, { status });
}
