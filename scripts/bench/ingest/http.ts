import http from "node:http";
import { signBody } from "../../../lib/whatsapp/signature";
import type { Send } from "./load";
import { webhookBody } from "./workload";

// Talking to the server as Meta does: signed webhook POSTs over keep-alive connections (node:http
// with an agent, so N clients reuse N connections; lighter than fetch, which matters with the load
// generator on the same machine as the server).

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
  /** Ask for an uncompressed response (Meta asks for gzip; the webhook's small JSON answer is never compressed). */
  identity?: boolean;
  /** 401 probes the route's floor: the same request, rejected at the signature check. */
  expectStatus?: 200 | 401;
}): Send {
  const url = new URL(`${baseUrl}/api/webhooks/whatsapp`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  return async (event) => {
    const body = webhookBody(event, channel);
    const signature = signBody(body, expectStatus === 401 ? `${appSecret}-wrong` : appSecret);
    const { status, text } = await post(url, agent, body, {
      "content-type": "application/json",
      "x-hub-signature-256": signature,
      "accept-encoding": identity ? "identity" : "gzip, deflate",
    });
    if (status === 401 && expectStatus === 401) return { ok: true };
    if (status !== 200) return { ok: false, error: `HTTP ${status} ${text.slice(0, 80)}` };
    // Stored and acknowledged (processing follows; the phase waits for it before checking).
    const { state } = JSON.parse(text) as { state?: string };
    return state === "RECEIVED" || state === "PROCESSED" ? { ok: true } : { ok: true, problem: `state ${state}` };
  };
}

function post(url: URL, agent: http.Agent, body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: "POST", agent, headers: { ...headers, "content-length": String(Buffer.byteLength(body)) }, timeout: 30_000 },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", reject);
      },
    );
    // Bounded: a request the server has not answered in 30 s counts as an error.
    request.on("timeout", () => request.destroy(new Error("timeout")));
    request.on("error", reject);
    request.end(body);
  });
}
