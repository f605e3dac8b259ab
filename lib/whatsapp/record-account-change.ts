import type { Prisma } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { describeAccountUpdate, describeNameUpdate, describeQualityUpdate, describeTemplateStatus } from "./account-alerts";
import { metaTime } from "./webhook-schema";

type Tx = Prisma.TransactionClient;
type Value = Record<string, unknown>;

// The webhook fields besides "messages": marketing opt-outs, template reviews, number quality,
// display name reviews and account updates. Each is kept, changes what it is about, and what an
// admin must know becomes a ChannelAlert (shown as a banner).

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
}: {
  tx: Tx;
  wabaId: string | undefined;
  field: string;
  value: Value;
}): Promise<string | null> {
  if (field === "user_preferences") return recordUserPreferences({ tx, value });

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

async function recordUserPreferences({ tx, value }: { tx: Tx; value: Value }): Promise<string | null> {
  const phoneNumberId = (value.metadata as Value | undefined)?.phone_number_id;
  const channel = typeof phoneNumberId === "string" ? await tx.channel.findUnique({ where: { phoneNumberId } }) : null;
  if (!channel) return `no channel owns phone_number_id ${String(phoneNumberId)}`;

  const preferences = Array.isArray(value.user_preferences) ? (value.user_preferences as Value[]) : [];
  for (const preference of preferences) {
    const waId = typeof preference.wa_id === "string" ? preference.wa_id : null;
    const bsuid = typeof preference.user_id === "string" ? preference.user_id : null;
    if (!waId && !bsuid) continue;
    const optOut = preference.value === "stop";
    const at =
      typeof preference.timestamp === "number" || typeof preference.timestamp === "string" ? metaTime(preference.timestamp) : new Date();
    const existing =
      (bsuid ? await tx.contact.findUnique({ where: { channelId_bsuid: { channelId: channel.id, bsuid } } }) : null) ??
      (waId ? await tx.contact.findUnique({ where: { channelId_waId: { channelId: channel.id, waId } } }) : null);
    const contact = existing ?? (await tx.contact.create({ data: { channelId: channel.id, waId, bsuid } }));
    // A later "resume" must not be undone by an older "stop" that arrives after it.
    if (contact.marketingOptOutAt && contact.marketingOptOutAt > at) continue;
    await tx.contact.update({ where: { id: contact.id }, data: { marketingOptOut: optOut, marketingOptOutAt: at } });
    await recordAudit(
      {
        actor: { system: "whatsapp" },
        action: optOut ? "contact.marketing_stopped" : `contact.marketing_${String(preference.value ?? "resumed")}`,
        target: { type: "contact", id: contact.id },
        reason: typeof preference.detail === "string" ? preference.detail : null,
        before: { marketingOptOut: contact.marketingOptOut },
        after: { marketingOptOut: optOut },
      },
      tx,
    );
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

/** Error 131050 means the customer stopped marketing messages: record it as an opt-out too. */
export async function optOutAfterMarketingRefusal({ tx, conversationId, at }: { tx: Tx; conversationId: string; at: Date }) {
  const conversation = await tx.conversation.findUnique({ where: { id: conversationId }, include: { contact: true } });
  if (!conversation || conversation.contact.marketingOptOut) return;
  await tx.contact.update({ where: { id: conversation.contactId }, data: { marketingOptOut: true, marketingOptOutAt: at } });
  await recordAudit(
    {
      actor: { system: "whatsapp" },
      action: "contact.marketing_stopped",
      target: { type: "contact", id: conversation.contactId },
      reason: "A marketing message failed with error 131050: the customer stopped marketing messages.",
      before: { marketingOptOut: false },
      after: { marketingOptOut: true },
    },
    tx,
  );
}
