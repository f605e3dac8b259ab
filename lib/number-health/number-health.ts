import "server-only";
import { db, type Prisma } from "@/lib/db/client";
import { channelGraphIds } from "@/lib/whatsapp/channel-graph-ids";
import { GraphError } from "@/lib/whatsapp/graph-client";
import { readPhoneNumber, type PhoneNumberInfo } from "@/lib/whatsapp/phone-number-api";
import { readerWords } from "@/lib/i18n/reader-words";
import { alertText } from "@/lib/whatsapp/account-alerts";
import { adviceFor } from "./timeline-advice";
import { blueTickChecklist, type ChecklistItem } from "./blue-tick-rules";

// GET /api/channels/:id/health: the number as Meta reports it (GET /{phone-number-id}, re-read at
// most every CACHE_MS), the checklist for the blue tick, and the timeline of everything Meta reported
// about the number or its account, each with what to do.

const CACHE_MS = 10_000;
const TIMELINE = 100;

export type TimelineEntry = { id: string; at: Date; field: string; kind: string; summary: string; advice: string | null };

export type NumberHealth = {
  channel: { id: string; name: string; displayPhoneNumber: string };
  number: PhoneNumberInfo | null;
  /** Set when Meta could not be asked; the rest of the page still shows. */
  unavailable: string | null;
  checkedAt: Date | null;
  pinSetAt: Date | null;
  blueTick: { checklist: ChecklistItem[]; requestedAt: Date | null; retryAfter: Date | null };
  timeline: TimelineEntry[];
};

export async function numberHealth({ channelId, maxAgeMs = CACHE_MS }: { channelId: string; maxAgeMs?: number }): Promise<NumberHealth> {
  const ids = await channelGraphIds(channelId);
  const state = await db.channelMetaState.findUnique({ where: { channelId } });
  let number = (state?.number as PhoneNumberInfo | null) ?? null;
  let checkedAt = state?.numberCheckedAt ?? null;
  const { t, formats } = await readerWords();
  let unavailable: string | null = null;
  if (!number || !checkedAt || Date.now() - checkedAt.getTime() >= maxAgeMs) {
    try {
      number = await readPhoneNumber({ phoneNumberId: ids.phoneNumberId });
      checkedAt = new Date();
      const data = { number: number as Prisma.InputJsonValue, numberCheckedAt: checkedAt };
      await db.channelMetaState.upsert({ where: { channelId }, create: { channelId, ...data }, update: data });
    } catch (error) {
      if (!(error instanceof GraphError)) throw error;
      unavailable = t("numberHealth.unavailable", { error: error.message, read: checkedAt ? "earlier" : "never" });
    }
  }
  const rows = await db.channelAlert.findMany({ where: { channelId }, orderBy: { createdAt: "desc" }, take: TIMELINE });
  const timeline = rows.map((row) => ({
    id: row.id,
    at: row.createdAt,
    field: row.field,
    kind: row.kind,
    summary: alertText(row, t, formats),
    advice: adviceFor(row.kind, t),
  }));
  const refusal = rows.find((row) => row.kind === "alert_oba_rejected");
  const profile = await db.channelMetaState.findUnique({ where: { channelId }, select: { liveProfile: true } });
  return {
    channel: { id: ids.channelId, name: ids.name, displayPhoneNumber: ids.displayPhoneNumber },
    number,
    unavailable,
    checkedAt,
    pinSetAt: state?.pinSetAt ?? null,
    blueTick: {
      checklist: blueTickChecklist(
        {
          number,
          pinSetAt: state?.pinSetAt ?? null,
          profile: profile?.liveProfile as { websites?: string[]; about?: string } | null,
        },
        t,
      ),
      requestedAt: state?.obaRequestedAt ?? null,
      retryAfter:
        refusal && number?.official_business_account?.oba_status !== "APPROVED"
          ? new Date(refusal.createdAt.getTime() + 30 * 86_400_000)
          : null,
    },
    timeline,
  };
}
