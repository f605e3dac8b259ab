// Sentences for what Meta reports about a number or account (account_update,
// phone_number_quality_update, phone_number_name_update, template status). Pure: no I/O.

type Value = Record<string, unknown>;

const text = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value) : "");
const date = (seconds: unknown) =>
  typeof seconds === "number" || (typeof seconds === "string" && /^\d+$/.test(seconds))
    ? new Date(Number(seconds) * 1000).toISOString().slice(0, 10)
    : "";

export function describeAccountUpdate(value: Value): { kind: string; summary: string } {
  const event = text(value.event) || "UNKNOWN";
  switch (event) {
    case "ACCOUNT_RESTRICTION": {
      const restrictions = Array.isArray(value.restriction_info) ? (value.restriction_info as Value[]) : [];
      const list = restrictions
        .map(
          (r) => `${humanise(text(r.restriction_type).replace(/^RESTRICTED_/, ""))}${r.expiration ? ` until ${date(r.expiration)}` : ""}`,
        )
        .join("; ");
      return { kind: "account_restriction", summary: `Meta restricted the WhatsApp account: ${list || "see WhatsApp Manager"}.` };
    }
    case "ACCOUNT_VIOLATION": {
      const info = (value.violation_info ?? {}) as Value;
      return {
        kind: "account_violation",
        summary: `Meta reported a policy violation: ${humanise(text(info.violation_type)) || "see WhatsApp Manager"}.`,
      };
    }
    case "DISABLED_UPDATE": {
      const ban = (value.ban_info ?? {}) as Value;
      const state = text(ban.waba_ban_state);
      return {
        kind: "account_disabled",
        summary:
          state === "REINSTATE"
            ? `The WhatsApp account was reinstated (${text(ban.waba_ban_date)}).`
            : `The WhatsApp account was disabled (${state || "no details"}${ban.waba_ban_date ? `, ${text(ban.waba_ban_date)}` : ""}).`,
      };
    }
    case "VOLUME_BASED_PRICING_TIER_UPDATE": {
      const tier = (value.volume_tier_info ?? {}) as Value;
      return {
        kind: "pricing_tier",
        summary: `New ${text(tier.pricing_category).toLowerCase()} volume pricing tier ${text(tier.tier)} for ${text(tier.region)} from ${text(tier.effective_month)}.`,
      };
    }
    default:
      return { kind: event.toLowerCase(), summary: `WhatsApp account update: ${humanise(event)}.` };
  }
}

// Meta's messaging limit tiers, as the number of customers a number may start conversations with a day.
const tierWords: Record<string, string> = {
  TIER_50: "50 customers a day",
  TIER_250: "250 customers a day",
  TIER_1K: "1,000 customers a day",
  TIER_2K: "2,000 customers a day",
  TIER_10K: "10,000 customers a day",
  TIER_100K: "100,000 customers a day",
  TIER_UNLIMITED: "no daily limit",
};

export function describeQualityUpdate(value: Value): { kind: string; summary: string } {
  const event = text(value.event);
  const tier = text(value.max_daily_conversations_per_business ?? value.messaging_limit_tier ?? value.current_limit);
  const limit = tierWords[tier] ?? tier;
  const number = text(value.display_phone_number);
  const sentence: Record<string, string> = {
    FLAGGED: `The quality rating of ${number} dropped: it may be limited if it doesn't improve.`,
    UNFLAGGED: `The quality rating of ${number} recovered.`,
    DOWNGRADE: `The messaging limit of ${number} went down${limit ? ` to ${limit}` : ""}.`,
    UPGRADE: `The messaging limit of ${number} went up${limit ? ` to ${limit}` : ""}.`,
    THROUGHPUT_UPGRADE: `The throughput of ${number} was upgraded.`,
    ONBOARDING: `${number} is being onboarded.`,
  };
  return {
    kind: `quality_${event.toLowerCase() || "update"}`,
    summary: sentence[event] ?? `Quality update for ${number}: ${humanise(event)}.`,
  };
}

export function describeNameUpdate(value: Value): { kind: string; summary: string } {
  const decision = text(value.decision);
  const name = text(value.requested_verified_name);
  const reason = text(value.rejection_reason);
  const summary =
    decision === "APPROVED"
      ? `Display name "${name}" was approved.`
      : decision === "REJECTED"
        ? `Display name "${name}" was rejected${reason && reason !== "NONE" ? `: ${humanise(reason)}` : ""}.`
        : `Display name "${name}" review: ${humanise(decision)}.`;
  return { kind: `name_${decision.toLowerCase() || "update"}`, summary };
}

export function describeAccountAlert(value: Value): { kind: string; summary: string } {
  const info = (value.alert_info ?? value) as Value;
  const type = text(info.alert_type) || "UNKNOWN";
  const description = text(info.alert_description);
  const sentence: Record<string, string> = {
    OBA_APPROVED: "The number is now an Official Business Account: the blue tick shows beside its name.",
    OBA_REJECTED: `The request for the blue tick was rejected${description ? `: ${description}` : "."}`,
    PROFILE_PICTURE_LOST: "WhatsApp removed the profile photo.",
  };
  return {
    kind: `alert_${type.toLowerCase()}`,
    summary: sentence[type] ?? `WhatsApp alert: ${humanise(type)}${description ? ` — ${description}` : ""}.`,
  };
}

export function describeReviewUpdate(value: Value): { kind: string; summary: string } {
  const decision = text(value.decision) || "UPDATE";
  const sentence: Record<string, string> = {
    APPROVED: "Meta approved the WhatsApp Business Account after its review.",
    REJECTED: "Meta rejected the WhatsApp Business Account in its review.",
    PENDING: "Meta is reviewing the WhatsApp Business Account.",
    DEFERRED: "Meta deferred the review of the WhatsApp Business Account.",
  };
  return { kind: `review_${decision.toLowerCase()}`, summary: sentence[decision] ?? `Account review: ${humanise(decision)}.` };
}

export function describeCapabilityUpdate(value: Value): { kind: string; summary: string } {
  const limit = text(value.max_daily_conversation_per_phone ?? value.max_daily_conversations_per_business);
  const numbers = text(value.max_phone_numbers_per_business ?? value.max_phone_numbers_per_waba);
  const parts = [
    limit ? `up to ${limit} business-initiated conversations a day per number` : "",
    numbers ? `up to ${numbers} phone numbers` : "",
  ].filter(Boolean);
  return { kind: "capability_update", summary: `The account's capabilities changed${parts.length ? `: ${parts.join(", ")}` : ""}.` };
}

export function describeTemplateStatus(value: Value): { kind: string; summary: string } | null {
  const event = text(value.event);
  if (!["REJECTED", "PAUSED", "DISABLED", "FLAGGED", "LIMIT_EXCEEDED", "LOCKED"].includes(event)) return null;
  const rejection = (value.rejection_info ?? {}) as Value;
  const reason = text(rejection.reason) || humanise(text(value.reason));
  return {
    kind: `template_${event.toLowerCase()}`,
    summary: `Template "${text(value.message_template_name)}" (${text(value.message_template_language)}) was ${event.toLowerCase().replace("_", " ")}${reason && reason !== "None" ? `: ${reason}` : "."}`,
  };
}

function humanise(code: string): string {
  const words = code.toLowerCase().replace(/_/g, " ").trim();
  return words ? words[0].toUpperCase() + words.slice(1) : "";
}
