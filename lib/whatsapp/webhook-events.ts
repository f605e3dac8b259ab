import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { processMessengerEvent } from "@/lib/messenger/receive-webhook";
import { pageEnvelope } from "@/lib/messenger/webhook-schema";
import { processWebhookEvent, type WebhookOutcome } from "./receive-webhook";
import { webhookEnvelope } from "./webhook-schema";

export type WebhookEventDto = {
  id: string;
  state: "RECEIVED" | "PROCESSED" | "FAILED";
  /** Whose body: a WhatsApp Business Account's, or a Facebook Page's. */
  channelKind: "WHATSAPP" | "MESSENGER";
  phoneNumberId: string | null;
  error: string | null;
  receivedAt: string;
  processedAt: string | null;
};

/** The webhook log, newest first, for admins: what arrived and what failed to process. */
export async function listWebhookEvents({
  state,
  limit = 50,
}: {
  state?: WebhookEventDto["state"];
  limit?: number;
}): Promise<WebhookEventDto[]> {
  const rows = await db.webhookEvent.findMany({
    where: state ? { state } : {},
    orderBy: { receivedAt: "desc" },
    take: Math.min(Math.max(limit, 1), 200),
    select: { id: true, state: true, channelKind: true, phoneNumberId: true, error: true, receivedAt: true, processedAt: true },
  });
  return rows.map((row) => ({
    ...row,
    receivedAt: row.receivedAt.toISOString(),
    processedAt: row.processedAt?.toISOString() ?? null,
  }));
}

/**
 * Processes a logged body again (after a fix, or once its channel exists). Safe to repeat. Audited
 * with its outcome: a replay can create messages and conversations long after Meta sent them.
 */
export async function replayWebhookEvent({
  eventId,
  actor,
}: {
  eventId: string;
  actor: { id: string; name: string };
}): Promise<WebhookOutcome> {
  const event = await db.webhookEvent.findUnique({ where: { id: eventId } });
  if (!event) throw new AppError("NOT_FOUND", phrase("errors.noSuchWebhookEvent"));
  const outcome = event.channelKind === "MESSENGER" ? await replayPageBody(event) : await replayNumberBody(event);
  await recordAudit({
    actor: { id: actor.id, label: actor.name },
    action: "webhook_event.replayed",
    target: { type: "webhook_event", id: eventId },
    before: { state: event.state, error: event.error },
    after: { state: outcome.state, error: outcome.error ?? null },
  });
  return outcome;
}

type LoggedEvent = { id: string; payload: unknown; channelId: string | null; phoneNumberId: string | null };

/** A Page body goes through the Messenger adapter, its Page's channel found again if it exists now. */
async function replayPageBody(event: LoggedEvent): Promise<WebhookOutcome> {
  const body = pageEnvelope.parse(event.payload);
  const pageId = body.entry.map((entry) => entry.id).find((id) => typeof id === "string" || typeof id === "number");
  if (!event.channelId && pageId !== undefined) {
    const channel = await db.channel.findUnique({ where: { pageId: String(pageId) }, select: { id: true } });
    if (channel) await db.webhookEvent.update({ where: { id: event.id }, data: { channelId: channel.id } });
  }
  return processMessengerEvent({ eventId: event.id, body });
}

async function replayNumberBody(event: LoggedEvent): Promise<WebhookOutcome> {
  const eventId = event.id;
  const body = webhookEnvelope.parse(event.payload);
  if (!event.channelId && event.phoneNumberId) {
    const channel = await db.channel.findUnique({ where: { phoneNumberId: event.phoneNumberId }, select: { id: true } });
    if (channel) await db.webhookEvent.update({ where: { id: eventId }, data: { channelId: channel.id } });
  }
  return processWebhookEvent({ eventId, body });
}
