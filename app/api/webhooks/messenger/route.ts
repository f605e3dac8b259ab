// GET/POST /api/webhooks/messenger — Meta's verification handshake and signed Page event delivery.
import { after, NextResponse } from "next/server";
import { allPageVerifyTokens } from "@/lib/channels/page-credentials";
import { isDatabaseDown } from "@/lib/db/errors";
import { lingerThenCancel, readLimitedBody } from "@/lib/http/read-limited-body";
import { route } from "@/lib/http/route";
import { receiveMessengerWebhook } from "@/lib/messenger/receive-webhook";
import { pageAppSecretFor } from "@/lib/messenger/webhook-secret";
import { pageEnvelope } from "@/lib/messenger/webhook-schema";
import { parseWebhookJson } from "@/lib/whatsapp/parse-webhook-json";
import { verifySignature } from "@/lib/whatsapp/signature";
import { verifyTokenMatches } from "@/lib/whatsapp/verify-token";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 3 * 1024 * 1024;

// As /api/webhooks/whatsapp: Meta holds no session, so the verify token (GET) and the body's
// signature (POST) are the permission. Each Page has its own verify token and app secret.
export const GET = route({ permission: "public" }, async ({ request }) => {
  const params = new URL(request.url).searchParams;
  const challenge = params.get("hub.challenge");
  const given = params.get("hub.verify_token");
  const tokenMatches = (await allPageVerifyTokens()).some((expected) => verifyTokenMatches({ given, expected }));
  if (params.get("hub.mode") !== "subscribe" || !tokenMatches || !challenge) {
    return new Response("Verification token mismatch", { status: 403 });
  }
  return new Response(challenge, { status: 200, headers: { "content-type": "text/plain" } });
});

// No body schema: the raw bytes are read here, with a size limit, because the signature covers them.
export const POST = route({ permission: "public" }, async ({ request }) => {
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

  // The Pages the body names choose the app secret (lib/messenger/webhook-secret.ts): a Page's
  // app's, never a WhatsApp number's. Nothing in the body is trusted until the signature matches.
  const json = parseWebhookJson(raw);
  const secret = await pageAppSecretFor(json.ok ? json.value : null);
  if (!secret) return failure(401, "INVALID_SIGNATURE", "The body names Pages of different Meta apps, too many Pages, or none known here.");
  if (!verifySignature({ body: raw, header: request.headers.get("x-hub-signature-256"), secret })) {
    return failure(401, "INVALID_SIGNATURE", "X-Hub-Signature-256 is missing or does not match the body.");
  }
  if (!json.ok) return failure(400, "INVALID_JSON", "The body is not valid JSON.");
  const body = pageEnvelope.safeParse(json.value);
  if (!body.success) {
    const where = body.error.issues[0]?.path.join(".") || "body";
    return failure(400, "INVALID_PAYLOAD", `Not a Page webhook notification: ${where} ${body.error.issues[0]?.message ?? ""}`.trim());
  }

  try {
    const outcome = await receiveMessengerWebhook({ body: body.data });
    if (outcome.retry) return failure(500, "NOT_PROCESSED", "The event could not be processed; deliver it again.");
    return NextResponse.json({
      ok: true,
      event: outcome.eventId,
      state: outcome.state,
      ...(outcome.error ? { problems: outcome.error } : {}),
    });
  } catch (error) {
    if (isDatabaseDown(error)) return failure(503, "UNAVAILABLE", "The database is unavailable; retry later.");
    console.error("[messenger] could not store the event", error);
    return failure(500, "INTERNAL", "The event could not be stored.");
  }
});

function tooLarge() {
  return failure(413, "PAYLOAD_TOO_LARGE", "Webhook bodies are limited to 3 MB.");
}

function failure(status: number, code: string, message: string) {
  return NextResponse.json({ error: { code, message } }, { status });
}
