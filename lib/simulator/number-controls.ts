import "server-only";
import { AppError } from "@/lib/errors";
import { phrase } from "@/lib/i18n/phrase";
import { loadNumber, messagingTiers, numberChannel, saveNumber, sendAccountWebhook, type SimulatorNumber } from "./phone-number-state";

// The simulator's control panel plays Meta's side of a number's health: a new quality rating or
// messaging limit changes what GET /{phone-number-id} reports and sends the phone_number_quality_update
// webhook Meta would (FLAGGED / UNFLAGGED for the rating, UPGRADE / DOWNGRADE for the limit).

const tierEvents: Record<string, string> = {
  TIER_250: "TIER_250",
  TIER_2K: "TIER_2K",
  TIER_10K: "TIER_10K",
  TIER_100K: "TIER_100K",
  TIER_UNLIMITED: "TIER_UNLIMITED",
};

export async function numberControls({ phoneNumberId }: { phoneNumberId: string }) {
  const channel = await numberChannel(phoneNumberId);
  if (!channel) throw new AppError("NOT_FOUND", phrase("simulator.errors.noNumber"));
  const state = await loadNumber(phoneNumberId);
  return {
    phoneNumberId,
    displayPhoneNumber: channel.displayPhoneNumber,
    quality: state.quality_rating,
    limit: state.messaging_limit_tier,
    tiers: messagingTiers,
  };
}

export async function changeNumberHealth({
  phoneNumberId,
  quality,
  limit,
}: {
  phoneNumberId: string;
  quality?: SimulatorNumber["quality_rating"];
  limit?: (typeof messagingTiers)[number];
}) {
  const channel = await numberChannel(phoneNumberId);
  if (!channel) throw new AppError("NOT_FOUND", phrase("simulator.errors.noNumber"));
  const state = await loadNumber(phoneNumberId);
  const next = { ...state, ...(quality ? { quality_rating: quality } : {}), ...(limit ? { messaging_limit_tier: limit } : {}) };
  await saveNumber(phoneNumberId, next);
  const base = { display_phone_number: channel.displayPhoneNumber };
  const statuses: number[] = [];
  if (quality && quality !== state.quality_rating) {
    const worse = rank(quality) > rank(state.quality_rating);
    statuses.push(
      await sendAccountWebhook({
        channel,
        field: "phone_number_quality_update",
        value: {
          ...base,
          event: worse ? "FLAGGED" : "UNFLAGGED",
          current_limit: tierEvents[next.messaging_limit_tier],
          old_quality_score: state.quality_rating,
          new_quality_score: quality,
        },
      }),
    );
  }
  if (limit && limit !== state.messaging_limit_tier) {
    const lower = messagingTiers.indexOf(limit) < messagingTiers.indexOf(state.messaging_limit_tier as (typeof messagingTiers)[number]);
    statuses.push(
      await sendAccountWebhook({
        channel,
        field: "phone_number_quality_update",
        value: { ...base, event: lower ? "DOWNGRADE" : "UPGRADE", current_limit: tierEvents[limit], old_limit: state.messaging_limit_tier },
      }),
    );
  }
  return { ...(await numberControls({ phoneNumberId })), webhookStatuses: statuses };
}

const rank = (rating: string) => ["GREEN", "UNKNOWN", "YELLOW", "RED"].indexOf(rating);
