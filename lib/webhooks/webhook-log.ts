import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { processBodyNow, type ProcessedBody } from "./process-lane";

export type WebhookEventDto = {
  id: string;
  /** Whose body: a WhatsApp Business Account's, or a Facebook Page's. */
  source: "whatsapp" | "messenger";
  state: "RECEIVED" | "PROCESSED" | "FAILED";
  phoneNumberId: string | null;
  error: string | null;
  receivedAt: string;
  processedAt: string | null;
};

/** The webhook log, newest first, for admins: what arrived, what waits, and what failed to process. */
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
    select: { id: true, source: true, state: true, phoneNumberId: true, error: true, receivedAt: true, processedAt: true },
  });
  return rows.map((row) => ({
    ...row,
    source: row.source === "MESSENGER" ? "messenger" : "whatsapp",
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
}): Promise<ProcessedBody> {
  const event = await db.webhookEvent.findUnique({ where: { id: eventId } });
  if (!event) throw new AppError("NOT_FOUND", phrase("errors.noSuchWebhookEvent"));
  // The body's channel may exist now: a Page's by its id, a number's by its phone number id.
  if (!event.channelId && event.phoneNumberId) {
    const channel = await db.channel.findUnique({
      where: event.source === "MESSENGER" ? { pageId: event.phoneNumberId } : { phoneNumberId: event.phoneNumberId },
      select: { id: true },
    });
    if (channel) await db.webhookEvent.update({ where: { id: eventId }, data: { channelId: channel.id } });
  }
  const outcome = await processBodyNow({ eventId });
  await recordAudit({
    actor: { id: actor.id, label: actor.name },
    action: "webhook_event.replayed",
    target: { type: "webhook_event", id: eventId },
    before: { state: event.state, error: event.error },
    after: { state: outcome.state, error: outcome.error ?? null },
  });
  return outcome;
}
