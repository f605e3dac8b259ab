import "server-only";
import type { IntakeAccepted, IntakeRefusal, WebhookAdapter } from "@/lib/webhooks/adapter";
import { parseWebhookJson } from "./parse-webhook-json";
import { processWhatsAppBodies } from "./process-webhook-bodies";
import { verifySignature } from "./signature";
import { webhookKeyFor } from "./webhook-secret";
import { webhookEnvelope, type WebhookEnvelope } from "./webhook-schema";

// WhatsApp's side of the webhook intake (lib/webhooks/adapter.ts): a POST is checked here — the
// signature over the raw bytes with the app secret of the numbers it names (401), then JSON and the
// envelope (400) — and its logged body is processed by process-webhook-bodies.ts.

async function accept({ raw, header }: { raw: Buffer; header: (name: string) => string | null }): Promise<IntakeRefusal | IntakeAccepted> {
  // The numbers the body names choose the app secret; nothing in it is trusted until the signature matches.
  const json = parseWebhookJson(raw);
  const key = await webhookKeyFor(json.ok ? json.value : null);
  if (!key) return refuse(401, "INVALID_SIGNATURE", "The body names WhatsApp numbers of different Meta apps, or too many numbers.");
  if (!verifySignature({ body: raw, header: header("x-hub-signature-256"), secret: key.appSecret })) {
    return refuse(401, "INVALID_SIGNATURE", "X-Hub-Signature-256 is missing or does not match the body.");
  }
  if (!json.ok) return refuse(400, "INVALID_JSON", "The body is not valid JSON.");
  const body = webhookEnvelope.safeParse(json.value);
  if (!body.success) {
    const where = body.error.issues[0]?.path.join(".") || "body";
    return refuse(400, "INVALID_PAYLOAD", `Not a webhook notification: ${where} ${body.error.issues[0]?.message ?? ""}`.trim());
  }
  const phoneNumberId = firstPhoneNumberId(body.data);
  return {
    ok: true,
    payload: body.data,
    account: phoneNumberId,
    channelId: key.channelId,
    orderKey: `${phoneNumberId ?? ""}:${customerOf(body.data)}`,
  };
}

export const whatsappWebhooks: WebhookAdapter = { accept, process: processWhatsAppBodies };

function refuse(status: IntakeRefusal["status"], code: string, message: string): IntakeRefusal {
  return { ok: false, status, code, message };
}

type LooseChange = {
  value?: {
    metadata?: { phone_number_id?: unknown };
    messages?: { from?: unknown; from_user_id?: unknown }[];
    statuses?: { recipient_id?: unknown; recipient_user_id?: unknown }[];
  };
};

function changesOf(body: WebhookEnvelope): LooseChange[] {
  return body.entry.flatMap((entry) => {
    const changes = (entry as { changes?: unknown } | null)?.changes;
    return Array.isArray(changes) ? (changes as LooseChange[]).filter((change) => typeof change === "object" && change !== null) : [];
  });
}

function firstPhoneNumberId(body: WebhookEnvelope): string | null {
  for (const change of changesOf(body)) {
    const id = change.value?.metadata?.phone_number_id;
    // Only what could be a phone number id: the log keeps it as a plain column.
    if (typeof id === "string" && id.length > 0 && id.length <= 64) return id;
  }
  return null;
}

/**
 * The customer a body is about, for its lane: who wrote (by number, which every message carries
 * but a username-only one), else whom the first receipt is for, else the business account.
 */
function customerOf(body: WebhookEnvelope): string {
  for (const change of changesOf(body)) {
    const value = change.value;
    const message = Array.isArray(value?.messages) ? value.messages[0] : undefined;
    const writer = message?.from ?? message?.from_user_id;
    if (typeof writer === "string") return writer;
    const receipt = Array.isArray(value?.statuses) ? value.statuses[0] : undefined;
    const recipient = receipt?.recipient_id ?? receipt?.recipient_user_id;
    if (typeof recipient === "string") return recipient;
  }
  const entry = body.entry[0] as { id?: unknown } | null | undefined;
  return typeof entry?.id === "string" ? entry.id : "";
}
