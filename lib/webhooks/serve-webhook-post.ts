import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { config } from "@/lib/config";
import { commonHeaders } from "@/lib/http/edge-policy";
import type { WebhookSourceName } from "./adapter";
import { isWebhookSource } from "./adapters";
import { failure, MAX_WEBHOOK_BYTES, receiveWebhookPost, type WebhookAnswer } from "./receive-webhook-post";

// server.ts answers POST /api/webhooks/<source> itself, before Next's router: at Meta's rates the
// router's own cost per request was the ceiling (docs/architecture.md, "Webhooks in"). Reading the
// body mirrors lib/http/read-limited-body.ts: past 3 MB nothing more is kept, the 413 goes out, and
// what still arrives is read and discarded for a moment before the connection is closed, so the
// sender sees the answer rather than a reset.

const WEBHOOK_PATH = /^\/api\/webhooks\/([a-z]+)\/?(?:\?.*)?$/;
const LINGER_MS = 2_000;
const LINGER_BYTES = 32 * 1024 * 1024;

/** The source a request posts to, when it is a webhook POST this process serves directly. */
export function webhookPostSource(request: IncomingMessage): WebhookSourceName | null {
  if (request.method !== "POST" || !request.url?.startsWith("/api/webhooks/")) return null;
  const name = WEBHOOK_PATH.exec(request.url)?.[1];
  return name && isWebhookSource(name) ? name : null;
}

export async function serveWebhookPost(request: IncomingMessage, response: ServerResponse, source: WebhookSourceName): Promise<void> {
  let answer: WebhookAnswer;
  try {
    const read = await readBody(request);
    if (read === "TOO_LARGE") {
      send(response, failure(413, "PAYLOAD_TOO_LARGE", "Webhook bodies are limited to 3 MB."));
      lingerThenClose(request);
      return;
    }
    answer =
      read === "UNREADABLE"
        ? failure(400, "UNREADABLE_BODY", "The body could not be read to its end.")
        : await receiveWebhookPost({ source, raw: read, header: (name) => headerOf(request, name) });
  } catch (error) {
    console.error("[webhook] unexpected failure", error);
    answer = failure(500, "INTERNAL", "The event could not be stored.");
  }
  send(response, answer);
}

function readBody(request: IncomingMessage): Promise<Buffer | "TOO_LARGE" | "UNREADABLE"> {
  if (Number(request.headers["content-length"] ?? 0) > MAX_WEBHOOK_BYTES) return Promise.resolve("TOO_LARGE");
  return new Promise((resolve) => {
    let chunks: Buffer[] = [];
    let received = 0;
    const finish = (result: Buffer | "TOO_LARGE" | "UNREADABLE") => {
      request.off("data", onData).off("end", onEnd).off("error", onError).off("aborted", onError);
      chunks = [];
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > MAX_WEBHOOK_BYTES) finish("TOO_LARGE");
      else chunks.push(chunk);
    };
    const onEnd = () => finish(Buffer.concat(chunks, received));
    const onError = () => finish("UNREADABLE");
    request.on("data", onData).on("end", onEnd).on("error", onError).on("aborted", onError);
  });
}

function lingerThenClose(request: IncomingMessage) {
  let discarded = 0;
  const close = () => {
    clearTimeout(timer);
    request.off("data", discard);
    request.socket.destroy();
  };
  const discard = (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > LINGER_BYTES) close();
  };
  const timer = setTimeout(close, LINGER_MS);
  request.on("data", discard);
  request.once("end", () => {
    clearTimeout(timer);
    request.off("data", discard);
  });
  request.resume();
}

function headerOf(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name.toLowerCase()];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

function send(response: ServerResponse, { status, body }: WebhookAnswer) {
  const text = JSON.stringify(body);
  // The headers next.config.js gives these answers when Next serves them.
  response.writeHead(status, {
    ...commonHeaders({ https: config().auth.secureCookies }),
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
  });
  response.end(text);
}
