// GET/POST /api/webhooks/whatsapp — Meta's verification handshake and signed event delivery.
import { after, NextResponse } from "next/server";
import { allVerifyTokens } from "@/lib/channels/credentials";
import { lingerThenCancel, readLimitedBody } from "@/lib/http/read-limited-body";
import { route } from "@/lib/http/route";
import { verifyTokenMatches } from "@/lib/whatsapp/verify-token";
import { failure, MAX_WEBHOOK_BYTES, receiveWebhookPost, type WebhookAnswer } from "@/lib/webhooks/receive-webhook-post";

export const dynamic = "force-dynamic";

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

// server.ts answers these POSTs itself before Next's router (lib/webhooks/serve-webhook-post.ts);
// this handler gives the same answers through the same function wherever Next routes one.
// No body schema: the raw bytes are read here, with a size limit, because the signature covers them.
export const POST = route({ permission: "public" }, async ({ request }) => {
  // A declared length over the limit is refused before a byte is read; an undeclared or false one
  // as soon as the count passes it. Either way the upload is cut off once the 413 is out.
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
  return json(await receiveWebhookPost({ source: "whatsapp", raw: read.bytes, header: (name) => request.headers.get(name) }));
});

// No "Connection: close": Node would close the socket as soon as the answer is written, while the
// sender is still writing, and it could see a reset instead of the 413. The upload is ended after
// a short linger instead (lingerThenCancel).
function tooLarge(): WebhookAnswer {
  return failure(413, "PAYLOAD_TOO_LARGE", "Webhook bodies are limited to 3 MB.");
}

function json({ status, body }: WebhookAnswer) {
  return NextResponse.json(body, { status });
}
