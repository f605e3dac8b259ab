// GET/POST /api/webhooks/messenger — Meta's verification handshake and signed Page event delivery.
import { after, NextResponse } from "next/server";
import { allPageVerifyTokens } from "@/lib/channels/page-credentials";
import { lingerThenCancel, readLimitedBody } from "@/lib/http/read-limited-body";
import { route } from "@/lib/http/route";
import { failure, MAX_WEBHOOK_BYTES, receiveWebhookPost, type WebhookAnswer } from "@/lib/webhooks/receive-webhook-post";
import { verifyTokenMatches } from "@/lib/whatsapp/verify-token";

export const dynamic = "force-dynamic";

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

// server.ts answers these POSTs itself before Next's router (lib/webhooks/serve-webhook-post.ts);
// this handler gives the same answers through the same function wherever Next routes one: the
// Page app's signature is checked by lib/messenger/webhook-adapter.ts, the body stored, answered,
// then processed.
export const POST = route({ permission: "public" }, async ({ request }) => {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_WEBHOOK_BYTES) {
    after(() => (request.body ? lingerThenCancel(request.body) : undefined));
    return json(tooLarge());
  }
  let read;
  try {
    read = await readLimitedBody({ body: request.body, limit: MAX_WEBHOOK_BYTES });
  } catch {
    return json(failure(400, "UNREADABLE_BODY", "The body could not be read to its end."));
  }
  if (!read.ok) {
    after(read.cancel);
    return json(tooLarge());
  }
  return json(await receiveWebhookPost({ source: "messenger", raw: read.bytes, header: (name) => request.headers.get(name) }));
});

function tooLarge(): WebhookAnswer {
  return failure(413, "PAYLOAD_TOO_LARGE", "Webhook bodies are limited to 3 MB.");
}

function json({ status, body }: WebhookAnswer) {
  return NextResponse.json(body, { status });
}
