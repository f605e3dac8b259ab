import { signBody } from "../../../lib/whatsapp/signature";
import type { Send } from "./load";
import { webhookBody } from "./workload";

// Talking to the server as Meta and as an agent's browser do: signed webhook POSTs (fetch keeps
// connections alive, so N clients reuse N connections) and next-auth's credentials sign-in.

export function webhookSender({
  baseUrl,
  appSecret,
  channel,
  identity = false,
  expectStatus = 200,
}: {
  baseUrl: string;
  appSecret: string;
  channel: { phoneNumberId: string; wabaId: string };
  /** Ask for an uncompressed response (fetch asks for gzip/deflate/br by default). */
  identity?: boolean;
  /** 401 probes the route's floor: the same request, rejected at the signature check. */
  expectStatus?: 200 | 401;
}): Send {
  const url = `${baseUrl}/api/webhooks/whatsapp`;
  return async (event) => {
    const body = webhookBody(event, channel);
    const signature = signBody(body, expectStatus === 401 ? `${appSecret}-wrong` : appSecret);
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-hub-signature-256": signature,
        ...(identity ? { "accept-encoding": "identity" } : {}),
      },
      body,
      // Bounded: a request the server has not answered in 30 s counts as an error.
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    if (response.status === 401 && expectStatus === 401) return { ok: true };
    if (response.status !== 200) return { ok: false, error: `HTTP ${response.status} ${text.slice(0, 80)}` };
    // Stored and acknowledged (processing follows; the phase waits for it before checking).
    const { state } = JSON.parse(text) as { state?: string };
    return state === "RECEIVED" || state === "PROCESSED" ? { ok: true } : { ok: true, problem: `state ${state}` };
  };
}
