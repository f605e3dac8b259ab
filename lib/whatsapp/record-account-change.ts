import type { Prisma } from "@/lib/db/client";
import type { InboundPort } from "@/lib/conversations/channel-input";
import type { ChannelNoticeAlert } from "@/lib/conversations/types";
import type { Publication } from "@/lib/realtime/publish";
import { alertKind, type AlertFacts } from "./account-alerts";
import { englishSummary } from "./alert-summary";
import { metaTime } from "./webhook-schema";

type Tx = Prisma.TransactionClient;
type Value = Record<string, unknown>;

// The webhook fields besides "messages": marketing opt-outs, template reviews, number quality,
// display name reviews and account updates. Each is kept, changes what it is about, and what an
// admin must know becomes a ChannelAlert (shown as a banner). A customer's marketing preference is
// the domain's to store (inboundPort.setMarketingPreference); the number, its templates and alerts
// are the WhatsApp account's own state, kept here.

export const accountFields = [
  "user_preferences",
  "message_template_status_update",
  "phone_number_quality_update",
  "phone_number_name_update",
  "account_update",
  "account_review_update",
  "business_capability_update",
  "account_alerts",
] as const;

// Good news goes into the number's timeline but raises no banner; these kinds (a rating drop, a lower
// limit, a refused name or blue tick…) also notify every admin.
const quietKinds = new Set([
  "quality_unflagged",
  "quality_upgrade",
  "quality_throughput_upgrade",
  "name_approved",
  "alert_oba_approved",
  "pricing_tier",
  "review_approved",
  "capability_update",
]);
const notifyingKinds = new Set([
  "quality_flagged",
  "quality_downgrade",
  "name_rejected",
  "name_approved",
  "alert_oba_rejected",
  "alert_oba_approved",
  "account_restriction",
  "account_disabled",
  "review_rejected",
]);

export async function recordAccountChange({
  tx,
  wabaId,
  field,
  value,
  domain,
}: {
  tx: Tx;
  wabaId: string | undefined;
  field: string;
  value: Value;
  domain: InboundPort;
}): Promise<string | Publication[] | null> {
  if (field === "user_preferences") return recordUserPreferences({ tx, value, domain });

  const channels = wabaId
    ? await tx.channel.findMany({
        where: { wabaId },
        select: { id: true, displayPhoneNumber: true, phoneNumberId: true, inbox: { select: { name: true } } },
      })
    : [];
  if (channels.length === 0) return `no channel belongs to WhatsApp Business Account ${wabaId ?? "(none)"}`;

  if (field === "message_template_status_update") {
    for (const channel of channels) await recordTemplateStatus({ tx, channelId: channel.id, value });
    return null;
  }

  // Number-level fields name the number; account-level ones concern every channel of the account.
  // (account_alerts name a phone number by its id.)
  const number = typeof value.display_phone_number === "string" ? value.display_phone_number.replace(/\D/g, "") : null;
  const numberId = value.entity_type === "PHONE_NUMBER" && typeof value.entity_id === "string" ? value.entity_id : null;
  const targets = number
    ? channels.filter((c) => (c.displayPhoneNumber ?? "").replace(/\D/g, "") === number)
    : numberId
      ? channels.filter((c) => c.phoneNumberId === numberId)
      : channels;
  if (targets.length === 0) return `no channel has the number ${number ?? numberId}`;

  const alert: AlertFacts = { field, kind: alertKind(field, value) ?? field, payload: value };
  const publications: Publication[] = [];
  for (const channel of targets) {
    if (field === "phone_number_quality_update") {
      const limit = value.max_daily_conversations_per_business ?? value.messaging_limit_tier ?? value.current_limit;
      const rating = value.new_quality_score ?? value.event;
      await tx.channel.update({
        where: { id: channel.id },
        data: {
          qualityRating: typeof rating === "string" ? rating : undefined,
          messagingLimit: typeof limit === "string" ? limit : undefined,
        },
      });
    }
    if (field === "phone_number_name_update" && typeof value.decision === "string") {
      await tx.channel.update({ where: { id: channel.id }, data: { nameStatus: value.decision } });
    }
    // Meta reported a change: the number's health page reads the number afresh next time.
    await tx.channelMetaState.updateMany({ where: { channelId: channel.id }, data: { numberCheckedAt: null } });
    const at = new Date();
    await tx.channelAlert.create({
      data: {
        channelId: channel.id,
        field,
        kind: alert.kind,
        summary: englishSummary(alert),
        payload: value as Prisma.InputJsonValue,
        createdAt: at,
        dismissedAt: quietKinds.has(alert.kind) ? at : null,
      },
    });
    if (notifyingKinds.has(alert.kind))
      publications.push(
        ...(await domain.notifyAdmins({
          tx,
          params: { channel: channel.inbox?.name ?? `+${channel.displayPhoneNumber}`, alert: alert as ChannelNoticeAlert },
        })),
      );
  }
  return publications;
}

async function recordUserPreferences({ tx, value, domain }: { tx: Tx; value: Value; domain: InboundPort }): Promise<string | null> {
  const phoneNumberId = (value.metadata as Value | undefined)?.phone_number_id;
  const channel = typeof phoneNumberId === "string" ? await tx.channel.findUnique({ where: { phoneNumberId } }) : null;
  if (!channel) return `no channel owns phone_number_id ${String(phoneNumberId)}`;

  const preferences = Array.isArray(value.user_preferences) ? (value.user_preferences as Value[]) : [];
  for (const preference of preferences) {
    const waId = typeof preference.wa_id === "string" ? preference.wa_id : null;
    const bsuid = typeof preference.user_id === "string" ? preference.user_id : null;
    if (!waId && !bsuid) continue;
    const at =
      typeof preference.timestamp === "number" || typeof preference.timestamp === "string" ? metaTime(preference.timestamp) : new Date();
    await domain.setMarketingPreference({
      tx,
      channelId: channel.id,
      system: "whatsapp",
      preference: {
        customer: { waId, bsuid },
        optOut: preference.value === "stop",
        preference: String(preference.value ?? "resumed"),
        at,
        detail: typeof preference.detail === "string" ? preference.detail : null,
      },
    });
  }
  return null;
}

async function recordTemplateStatus({ tx, channelId, value }: { tx: Tx; channelId: string; value: Value }) {
  const name = typeof value.message_template_name === "string" ? value.message_template_name : null;
  const language = typeof value.message_template_language === "string" ? value.message_template_language.replace("-", "_") : null;
  const status = typeof value.event === "string" ? value.event : null;
  if (!name || !language || !status) return;
  const rejection = value.rejection_info as Value | undefined;
  const reason =
    typeof rejection?.reason === "string"
      ? rejection.reason
      : typeof value.reason === "string" && value.reason !== "NONE"
        ? value.reason
        : null;
  await tx.template.upsert({
    where: { channelId_name_language: { channelId, name, language } },
    update: { status, reason },
    create: {
      channelId,
      name,
      language,
      status,
      reason,
      metaId: value.message_template_id != null ? String(value.message_template_id) : null,
      category: typeof value.message_template_category === "string" ? value.message_template_category : "UTILITY",
      components: [],
    },
  });
  const kind = alertKind("message_template_status_update", value);
  if (kind) {
    await tx.channelAlert.create({
      data: {
        channelId,
        field: "message_template_status_update",
        kind,
        summary: englishSummary({ field: "message_template_status_update", kind, payload: value }),
        payload: value as Prisma.InputJsonValue,
      },
    });
  }
}
