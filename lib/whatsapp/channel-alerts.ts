import "server-only";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { readerWords } from "@/lib/i18n/reader-words";
import { alertText } from "./account-alerts";

export type ChannelAlertDto = { id: string; channelId: string; channelName: string; kind: string; summary: string; createdAt: string };

/** What Meta reported that no admin has dismissed yet, newest first, worded for the reader. */
export async function listOpenAlerts({ limit = 5 }: { limit?: number } = {}): Promise<ChannelAlertDto[]> {
  const rows = await db.channelAlert.findMany({
    where: { dismissedAt: null },
    orderBy: { createdAt: "desc" },
    take: limit,
    include: { channel: { select: { displayPhoneNumber: true, inbox: { select: { name: true } } } } },
  });
  const { t, formats } = await readerWords();
  return rows.map((row) => ({
    id: row.id,
    channelId: row.channelId,
    channelName: row.channel.inbox?.name ?? `+${row.channel.displayPhoneNumber}`,
    kind: row.kind,
    summary: alertText(row, t, formats),
    createdAt: row.createdAt.toISOString(),
  }));
}

export async function dismissAlert({ alertId, actor }: { alertId: string; actor: { id: string; name: string } }) {
  const alert = await db.channelAlert.findUnique({ where: { id: alertId } });
  if (!alert) throw new AppError("NOT_FOUND", phrase("errors.noSuchAlert"));
  if (alert.dismissedAt) return;
  await db.$transaction(async (tx) => {
    await tx.channelAlert.update({ where: { id: alertId }, data: { dismissedAt: new Date() } });
    await recordAudit(
      {
        actor: { id: actor.id, label: actor.name },
        action: "channel_alert.dismissed",
        target: { type: "channel_alert", id: alertId },
        after: { summary: alert.summary },
      },
      tx,
    );
  });
}
