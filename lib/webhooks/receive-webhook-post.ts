import "server-only";
import type { WebhookSourceName } from "./adapter";
import { webhookAdapters } from "./adapters";
import { laneOf } from "./lanes";
import { isUnavailable, logWebhookBody } from "./log-webhook-body";

// A webhook POST after its body has been read: the adapter checks it (401/400 before anything is
// stored), the body is logged (one durable write, shared with concurrent bodies), and the sender
// gets its 200 at once; processing follows in the background (webhook-processor.ts). The same
// function serves server.ts's direct handler and the Next route, so both answer alike.

/** Meta's payloads are at most 3 MB. */
export const MAX_WEBHOOK_BYTES = 3 * 1024 * 1024;

export type WebhookAnswer = { status: number; body: unknown };

export async function receiveWebhookPost({
  source,
  raw,
  header,
}: {
  source: WebhookSourceName;
  raw: Buffer;
  header: (name: string) => string | null;
}): Promise<WebhookAnswer> {
  const adapter = webhookAdapters[source];
  if (!adapter) return failure(404, "NOT_FOUND", "No such webhook.");
  try {
    const verdict = await adapter.accept({ raw, header });
    if (!verdict.ok) return failure(verdict.status, verdict.code, verdict.message);
    const id = await logWebhookBody({
      source,
      lane: laneOf(verdict.orderKey),
      channelId: verdict.channelId,
      account: verdict.account,
      payload: JSON.stringify(verdict.payload),
    });
    return { status: 200, body: { ok: true, event: id, state: "RECEIVED" } };
  } catch (error) {
    // Nothing was stored: the sender delivers the body again (Meta retries for days).
    if (isUnavailable(error)) return failure(503, "UNAVAILABLE", "The database is unavailable; retry later.");
    console.error(`[webhook] could not store a ${source} body`, error);
    return failure(500, "INTERNAL", "The event could not be stored.");
  }
}

export function failure(status: number, code: string, message: string): WebhookAnswer {
  return { status, body: { error: { code, message } } };
}
