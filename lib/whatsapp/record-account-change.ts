import type { Prisma } from "@/lib/db/client";
import type { InboundPort } from "@/lib/conversations/channel-input";
import { describeAccountUpdate, describeNameUpdate, describeQualityUpdate, describeTemplateStatus } from "./account-alerts";
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
] as const;

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
}): Promise<string | null> {
  if (field === "user_preferences") return recordUserPreferences({ tx, value, domain });

  const channels = wabaId ? await tx.channel.findMany({ where: { wabaId }, select: { id: true, displayPhoneNumber: true } }) : [];
  if (channels.length === 0) return `no channel belongs to WhatsApp Business Account ${wabaId ?? "(none)"}`;

  if (field === "message_template_status_update") {
    for (const channel of channels) await recordTemplateStatus({ tx, channelId: channel.id, value });
    return null;
  }

  // Number-level fields name the number; account-level ones concern every channel of the account.
  const number = typeof value.display_phone_number === "string" ? value.display_phone_number.replace(/\D/g, "") : null;
  const targets = number ? channels.filter((c) => c.displayPhoneNumber.replace(/\D/g, "") === number) : channels;
  if (targets.length === 0) return `no channel has the number ${number}`;

  const alert =
    field === "phone_number_quality_update"
      ? describeQualityUpdate(value)
      : field === "phone_number_name_update"
        ? describeNameUpdate(value)
        : describeAccountUpdate(value);
  for (const channel of targets) {
    if (field === "phone_number_quality_update") {
      const limit = value.max_daily_conversations_per_business ?? value.messaging_limit_tier ?? value.current_limit;
      await tx.channel.update({
        where: { id: channel.id },
        data: {
          qualityRating: typeof value.event === "string" ? value.event : undefined,
          messagingLimit: typeof limit === "string" ? limit : undefined,
        },
      });
    }
    if (field === "phone_number_name_update" && typeof value.decision === "string") {
      await tx.channel.update({ where: { id: channel.id }, data: { nameStatus: value.decision } });
    }
    await tx.channelAlert.create({
      data: { channelId: channel.id, field, kind: alert.kind, summary: alert.summary, payload: value as Prisma.InputJsonValue },
    });
  }
  return null;
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
  const alert = describeTemplateStatus(value);
  if (alert) {
    await tx.channelAlert.create({
      data: {
        channelId,
        field: "message_template_status_update",
        kind: alert.kind,
        summary: alert.summary,
        payload: value as Prisma.InputJsonValue,
      },
    });
  }
}
