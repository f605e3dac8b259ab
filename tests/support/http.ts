import { readFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { db } from "../../lib/db/client";
import { signBody } from "../../lib/whatsapp/signature";
import { signInCookie } from "../../scripts/lib/sign-in";

// Real HTTP against the suite's server: sign-in through next-auth, signed webhooks, fixtures.

export const baseUrl = () => inject("baseUrl");

export type Session = { cookie: string; fetch: (url: string, init?: RequestInit) => Promise<Response> };

/** Signs in through next-auth's credentials endpoint, as the login page does. */
export async function signIn(email: string, password = "switchboard"): Promise<Session> {
  const cookie = await signInCookie(baseUrl(), email, password);
  return {
    cookie,
    fetch: (url, init) =>
      fetch(`${baseUrl()}${url}`, {
        ...init,
        headers: { "content-type": "application/json", ...init?.headers, cookie },
      }),
  };
}

/**
 * POSTs a body to the webhook, signed with the app secret unless `signature` overrides it. The
 * server answers 200 once the body is stored and processes it right after; a 200 is returned only
 * when that processing is done too (`settle: false` returns at once), so a test reads its effects.
 */
export async function postWebhook(
  body: unknown,
  { signature, raw, settle = true }: { signature?: string | null; raw?: string; settle?: boolean } = {},
) {
  const text = raw ?? JSON.stringify(body);
  const headers: Record<string, string> = { "content-type": "application/json" };
  const header = signature === undefined ? signBody(text, inject("appSecret")) : signature;
  if (header !== null) headers["x-hub-signature-256"] = header;
  const response = await fetch(`${baseUrl()}/api/webhooks/whatsapp`, { method: "POST", headers, body: text });
  if (settle && response.status === 200) await webhookProcessed(((await response.clone().json()) as { event: string }).event);
  return response;
}

/** Waits until a logged webhook body has been processed; returns its state and problems. */
export async function webhookProcessed(eventId: string, { timeoutMs = 30_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const event = await db.webhookEvent.findUnique({ where: { id: eventId }, select: { state: true, error: true } });
    if (event && event.state !== "RECEIVED") return event as { state: "PROCESSED" | "FAILED"; error: string | null };
    if (Date.now() > deadline)
      throw new Error(`Webhook event ${eventId} was not processed within ${timeoutMs} ms (${event?.state ?? "absent"})`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const fixturesDir = path.resolve(import.meta.dirname, "../fixtures/whatsapp");

/**
 * A webhook fixture with its phone_number_id replaced by the test channel's, and (when `unique`
 * is given) every wamid and customer id suffixed so tests never collide.
 */
export function fixture(name: string, { unique }: { unique?: string } = {}): Record<string, unknown> {
  let text = readFileSync(path.join(fixturesDir, name), "utf8").replace(
    /"phone_number_id":\s*"[^"]*"/g,
    `"phone_number_id": "${inject("phoneNumberId")}"`,
  );
  if (unique) {
    text = text
      .replace(/"(wamid\.[^"]*)"/g, `"$1-${unique}"`)
      .replace(/"(wa_id|from|recipient_id)":\s*"(\d+)"/g, (_m, key, digits) => `"${key}": "${digits}${uniqueDigits(unique)}"`)
      .replace(/"(user_id|from_user_id)":\s*"([^"]+)"/g, `"$1": "$2${uniqueDigits(unique)}"`);
  }
  return JSON.parse(text);
}

function uniqueDigits(unique: string): string {
  let hash = 0;
  for (const char of unique) hash = (hash * 31 + char.charCodeAt(0)) % 100000;
  return String(hash).padStart(5, "0");
}
