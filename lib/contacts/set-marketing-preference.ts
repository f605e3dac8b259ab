import type { Prisma } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { MarketingPreferenceInput } from "@/lib/conversations/channel-input";

/**
 * The customer told the channel to stop (or resume) marketing messages. A customer not seen yet is
 * created, so the choice holds when they first write. Audited as the channel's doing (`system`).
 */
export async function setMarketingPreference({
  tx,
  channelId,
  preference,
  system,
}: {
  tx: Prisma.TransactionClient;
  channelId: string;
  preference: MarketingPreferenceInput;
  system: string;
}): Promise<void> {
  const { waId, bsuid } = preference.customer;
  if (!waId && !bsuid) return;
  const { optOut, at } = preference;
  const existing =
    (bsuid ? await tx.contact.findUnique({ where: { channelId_bsuid: { channelId, bsuid } } }) : null) ??
    (waId ? await tx.contact.findUnique({ where: { channelId_waId: { channelId, waId } } }) : null);
  const contact = existing ?? (await tx.contact.create({ data: { channelId, waId, bsuid } }));
  // A later "resume" must not be undone by an older "stop" that arrives after it.
  if (contact.marketingOptOutAt && contact.marketingOptOutAt > at) return;
  await tx.contact.update({ where: { id: contact.id }, data: { marketingOptOut: optOut, marketingOptOutAt: at } });
  await recordAudit(
    {
      actor: { system },
      action: optOut ? "contact.marketing_stopped" : `contact.marketing_${preference.preference}`,
      target: { type: "contact", id: contact.id },
      reason: preference.detail,
      before: { marketingOptOut: contact.marketingOptOut },
      after: { marketingOptOut: optOut },
    },
    tx,
  );
}
