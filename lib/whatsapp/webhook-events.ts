import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { processWebhookEvent, type WebhookOutcome } from "./receive-webhook";
import { webhookEnvelope } from "./webhook-schema";

export type WebhookEventDto = {
  id: string;
  state: "RECEIVED" | "PROCESSED" | "FAILED";
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
    select: { id: true, state: true, phoneNumberId: true, error: true, receivedAt: true, processedAt: true },
  });
  return rows.map((row) => ({
    ...row,
    receivedAt: row.receivedAt.toISOString(),
    processedAt: row.processedAt?.toISOString() ?? null,
  }));
}

/** Processes a logged body again (after a fix, or once its channel exists). Safe to repeat. */
export async function replayWebhookEvent({ eventId }: { eventId: string }): Promise<WebhookOutcome> {
  const event = await db.webhookEvent.findUnique({ where: { id: eventId } });
  if (!event) throw new AppError("NOT_FOUND", "No such webhook event.");
  const body = webhookEnvelope.parse(event.payload);
  if (!event.channelId && event.phoneNumberId) {
    const channel = await db.channel.findUnique({ where: { phoneNumberId: event.phoneNumberId }, select: { id: true } });
    if (channel) await db.webhookEvent.update({ where: { id: eventId }, data: { channelId: channel.id } });
  }
  return processWebhookEvent({ eventId, body });
}
