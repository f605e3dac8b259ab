import "server-only";
import { db } from "@/lib/db/client";
import type { Publication } from "@/lib/realtime/publish";
import type { BatchOutcome, IntakeAccepted, IntakeRefusal, LoggedBody, WebhookAdapter } from "@/lib/webhooks/adapter";
import type { Prisma } from "@/lib/db/client";
import { parseWebhookJson } from "@/lib/whatsapp/parse-webhook-json";
import { verifySignature } from "@/lib/whatsapp/signature";
import { processMessengerBody } from "./receive-webhook";
import { pageAppSecretFor } from "./webhook-secret";
import { pageEnvelope, type PageEnvelope } from "./webhook-schema";

// Messenger's side of the webhook intake (lib/webhooks/adapter.ts): a POST to
// /api/webhooks/messenger is checked here — the signature over the raw bytes with the app secret of
// the Pages it names, never a WhatsApp number's (401), then JSON and the Page envelope (400) — and
// its logged body is processed by receive-webhook.ts, one body after another in arrival order.

async function accept({ raw, header }: { raw: Buffer; header: (name: string) => string | null }): Promise<IntakeRefusal | IntakeAccepted> {
  const json = parseWebhookJson(raw);
  const secret = await pageAppSecretFor(json.ok ? json.value : null);
  if (!secret) return refuse(401, "INVALID_SIGNATURE", "The body names Pages of different Meta apps, too many Pages, or none known here.");
  if (!verifySignature({ body: raw, header: header("x-hub-signature-256"), secret })) {
    return refuse(401, "INVALID_SIGNATURE", "X-Hub-Signature-256 is missing or does not match the body.");
  }
  if (!json.ok) return refuse(400, "INVALID_JSON", "The body is not valid JSON.");
  const body = pageEnvelope.safeParse(json.value);
  if (!body.success) {
    const where = body.error.issues[0]?.path.join(".") || "body";
    return refuse(400, "INVALID_PAYLOAD", `Not a Page webhook notification: ${where} ${body.error.issues[0]?.message ?? ""}`.trim());
  }
  const pageId = firstPageId(body.data);
  const channel = pageId ? await db.channel.findUnique({ where: { pageId }, select: { id: true } }) : null;
  return {
    ok: true,
    payload: body.data,
    account: pageId,
    channelId: channel?.id ?? null,
    orderKey: `${pageId ?? ""}:${customerOf(body.data)}`,
  };
}

/**
 * Page bodies of a batch, in arrival order. Each event is stored in its own savepoint either way
 * (receive-webhook.ts); in bulk a conflict is left to undo the batch, which the intake then retries
 * a body at a time.
 */
async function process({
  tx,
  bodies,
  isolate,
  isolateConflicts,
}: {
  tx: Prisma.TransactionClient;
  bodies: LoggedBody[];
  isolate: boolean;
  isolateConflicts: boolean;
}): Promise<BatchOutcome> {
  const publications: Publication[] = [];
  const problems = new Map<string, string>();
  for (const logged of bodies) {
    const body = pageEnvelope.safeParse(logged.payload);
    if (!body.success) {
      problems.set(logged.id, "not a Page webhook notification");
      continue;
    }
    const outcome = await processMessengerBody({ tx, body: body.data, isolateConflicts: isolate && isolateConflicts });
    publications.push(...outcome.publications);
    if (outcome.problems.length) problems.set(logged.id, outcome.problems.join("; ").slice(0, 2000));
  }
  return { publications, problems };
}

export const messengerWebhooks: WebhookAdapter = { accept, process };

function refuse(status: IntakeRefusal["status"], code: string, message: string): IntakeRefusal {
  return { ok: false, status, code, message };
}

function firstPageId(body: PageEnvelope): string | null {
  for (const entry of body.entry) {
    const id = entry.id;
    if ((typeof id === "string" || typeof id === "number") && String(id).length <= 64) return String(id);
  }
  return null;
}

/** The customer a body is about, for its lane: the first event's other party (sender or, for echoes, recipient). */
function customerOf(body: PageEnvelope): string {
  for (const entry of body.entry) {
    const events = [...((entry as { messaging?: unknown[] }).messaging ?? []), ...((entry as { standby?: unknown[] }).standby ?? [])];
    for (const event of events) {
      const loose = event as { sender?: { id?: unknown }; recipient?: { id?: unknown }; message?: { is_echo?: unknown } } | null;
      const party = loose?.message?.is_echo ? loose.recipient?.id : loose?.sender?.id;
      if (typeof party === "string" || typeof party === "number") return String(party);
    }
  }
  return "";
}
