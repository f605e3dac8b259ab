import type { EventFormats } from "@/lib/i18n/event-formats";
import type { MessageKey, Translate } from "@/lib/i18n/phrase";

// What Meta reports about a number or account (account_update, phone_number_quality_update,
// phone_number_name_update, account_alerts, reviews, capabilities, template status), what Switchboard
// itself did to the number, and a profile changed elsewhere: the alert's kind, decided once when it
// is recorded, and its words, made from the stored field, kind and payload in the reader's language
// ("alerts" messages) whenever it is shown. Pure: no I/O, safe in the browser.

type Value = Record<string, unknown>;

/** A stored ChannelAlert, as much of it as its words need. */
export type AlertFacts = { field: string; kind: string; payload: unknown };

const text = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value) : "");
const record = (value: unknown): Value => (value && typeof value === "object" && !Array.isArray(value) ? (value as Value) : {});
const secondsToDate = (seconds: unknown) =>
  typeof seconds === "number" || (typeof seconds === "string" && /^\d+$/.test(seconds)) ? new Date(Number(seconds) * 1000) : null;

const templateEvents = ["REJECTED", "PAUSED", "DISABLED", "FLAGGED", "LIMIT_EXCEEDED", "LOCKED"];

/** The kind of alert a webhook field's value raises; null for a template status nobody needs to hear about. */
export function alertKind(field: string, value: Value): string | null {
  switch (field) {
    case "message_template_status_update": {
      const event = text(value.event);
      return templateEvents.includes(event) ? `template_${event.toLowerCase()}` : null;
    }
    case "phone_number_quality_update":
      return `quality_${text(value.event).toLowerCase() || "update"}`;
    case "phone_number_name_update":
      return `name_${text(value.decision).toLowerCase() || "update"}`;
    case "account_alerts":
      return `alert_${(text(record(value.alert_info ?? value).alert_type) || "UNKNOWN").toLowerCase()}`;
    case "account_review_update":
      return `review_${(text(value.decision) || "UPDATE").toLowerCase()}`;
    case "business_capability_update":
      return "capability_update";
    default: {
      const event = text(value.event) || "UNKNOWN";
      const kinds: Record<string, string> = {
        ACCOUNT_RESTRICTION: "account_restriction",
        ACCOUNT_VIOLATION: "account_violation",
        DISABLED_UPDATE: "account_disabled",
        VOLUME_BASED_PRICING_TIER_UPDATE: "pricing_tier",
      };
      return kinds[event] ?? event.toLowerCase();
    }
  }
}

/** The alert in words, in the language `t` speaks. */
export function alertText(alert: AlertFacts, t: Translate, formats: EventFormats): string {
  const value = record(alert.payload);
  switch (alert.field) {
    case "switchboard":
      return switchboardText(alert.kind, value, t);
    case "business_profile": {
      const fields = Object.keys(value).map((field) => t("profile.field", { field }).toLocaleLowerCase());
      return t("alerts.profileChanged", { fields: formats.list(fields) });
    }
    case "message_template_status_update":
      return templateText(value, t);
    case "phone_number_quality_update":
      return qualityText(value, t);
    case "phone_number_name_update":
      return nameText(value, t);
    case "account_alerts":
      return accountAlertText(value, t);
    case "account_review_update":
      return reviewText(value, t);
    case "business_capability_update":
      return capabilityText(value, t, formats);
    default:
      return accountUpdateText(value, t, formats);
  }
}

function switchboardText(kind: string, value: Value, t: Translate): string {
  const actor = text(value.actor);
  if (kind === "name_requested" && actor) return t("alerts.nameRequested", { actor, name: text(value.name) });
  if (kind === "oba_requested" && actor) return t("alerts.obaRequested", { actor });
  if (kind === "pin_set" && actor) return t("alerts.pinSet", { actor });
  return text(value.text) || kind;
}

function accountUpdateText(value: Value, t: Translate, formats: EventFormats): string {
  const event = text(value.event) || "UNKNOWN";
  switch (event) {
    case "ACCOUNT_RESTRICTION": {
      const restrictions = Array.isArray(value.restriction_info) ? value.restriction_info.map(record) : [];
      const list = restrictions.map((restriction) => {
        const type = humanise(text(restriction.restriction_type).replace(/^RESTRICTED_/, ""));
        const until = secondsToDate(restriction.expiration);
        return until ? t("alerts.restrictionUntil", { type, until: formats.day(until) }) : type;
      });
      return t("alerts.accountRestriction", { restrictions: list.length ? list.join("; ") : t("alerts.seeWhatsAppManager") });
    }
    case "ACCOUNT_VIOLATION": {
      const violation = humanise(text(record(value.violation_info).violation_type));
      return t("alerts.accountViolation", { violation: violation || t("alerts.seeWhatsAppManager") });
    }
    case "DISABLED_UPDATE": {
      const ban = record(value.ban_info);
      const state = text(ban.waba_ban_state);
      const date = text(ban.waba_ban_date);
      if (state === "REINSTATE") return t("alerts.accountReinstated", { date });
      return t("alerts.accountDisabled", { state: state || t("alerts.noDetails"), date, hasDate: date ? "yes" : "no" });
    }
    case "VOLUME_BASED_PRICING_TIER_UPDATE": {
      const tier = record(value.volume_tier_info);
      return t("alerts.pricingTier", {
        category: text(tier.pricing_category).toLowerCase(),
        tier: text(tier.tier),
        region: text(tier.region),
        month: text(tier.effective_month),
      });
    }
    default:
      return t("alerts.accountUpdate", { event: humanise(event) });
  }
}

// Meta's messaging limit tiers, as the number of customers a number may start conversations with a day.
const tierCustomers: Record<string, number> = {
  TIER_50: 50,
  TIER_250: 250,
  TIER_1K: 1_000,
  TIER_2K: 2_000,
  TIER_10K: 10_000,
  TIER_100K: 100_000,
};

function limitWords(tier: string, t: Translate): string {
  if (tier === "TIER_UNLIMITED") return t("alerts.noDailyLimit");
  const count = tierCustomers[tier];
  return count === undefined ? tier : t("alerts.customersADay", { count });
}

function qualityText(value: Value, t: Translate): string {
  const event = text(value.event);
  const tier = text(value.max_daily_conversations_per_business ?? value.messaging_limit_tier ?? value.current_limit);
  const number = text(value.display_phone_number);
  const limit = tier ? limitWords(tier, t) : "";
  const hasLimit = limit ? "yes" : "no";
  switch (event) {
    case "FLAGGED":
      return t("alerts.qualityFlagged", { number });
    case "UNFLAGGED":
      return t("alerts.qualityUnflagged", { number });
    case "DOWNGRADE":
      return t("alerts.limitDown", { number, limit, hasLimit });
    case "UPGRADE":
      return t("alerts.limitUp", { number, limit, hasLimit });
    case "THROUGHPUT_UPGRADE":
      return t("alerts.throughputUpgrade", { number });
    case "ONBOARDING":
      return t("alerts.onboarding", { number });
    default:
      return t("alerts.qualityUpdate", { number, event: humanise(event) });
  }
}

function nameText(value: Value, t: Translate): string {
  const decision = text(value.decision);
  const name = text(value.requested_verified_name);
  const reason = text(value.rejection_reason);
  if (decision === "APPROVED") return t("alerts.nameApproved", { name });
  if (decision === "REJECTED") {
    const shown = reason && reason !== "NONE" ? humanise(reason) : "";
    return t("alerts.nameRejected", { name, reason: shown, hasReason: shown ? "yes" : "no" });
  }
  return t("alerts.nameReview", { name, decision: humanise(decision) });
}

function accountAlertText(value: Value, t: Translate): string {
  const info = record(value.alert_info ?? value);
  const type = text(info.alert_type) || "UNKNOWN";
  const description = text(info.alert_description);
  const hasDescription = description ? "yes" : "no";
  if (type === "OBA_APPROVED") return t("alerts.obaApproved");
  if (type === "OBA_REJECTED") return t("alerts.obaRejected", { description, hasDescription });
  if (type === "PROFILE_PICTURE_LOST") return t("alerts.profilePictureLost");
  return t("alerts.accountAlert", { type: humanise(type), description, hasDescription });
}

function reviewText(value: Value, t: Translate): string {
  const decision = text(value.decision) || "UPDATE";
  const known: Record<string, MessageKey> = {
    APPROVED: "alerts.reviewApproved",
    REJECTED: "alerts.reviewRejected",
    PENDING: "alerts.reviewPending",
    DEFERRED: "alerts.reviewDeferred",
  };
  return known[decision] ? t(known[decision]) : t("alerts.reviewUpdate", { decision: humanise(decision) });
}

function capabilityText(value: Value, t: Translate, formats: EventFormats): string {
  const limit = text(value.max_daily_conversation_per_phone ?? value.max_daily_conversations_per_business);
  const numbers = text(value.max_phone_numbers_per_business ?? value.max_phone_numbers_per_waba);
  const parts = [
    limit ? t("alerts.capabilityConversations", { limit }) : "",
    numbers ? t("alerts.capabilityNumbers", { numbers }) : "",
  ].filter(Boolean);
  return t("alerts.capabilities", { parts: formats.list(parts), hasParts: parts.length ? "yes" : "no" });
}

function templateText(value: Value, t: Translate): string {
  const rejection = record(value.rejection_info);
  const reason = text(rejection.reason) || humanise(text(value.reason));
  const shown = reason && reason !== "None" ? reason : "";
  return t("alerts.template", {
    name: text(value.message_template_name),
    language: text(value.message_template_language),
    event: text(value.event).toLowerCase(),
    reason: shown,
    hasReason: shown ? "yes" : "no",
  });
}

/** Meta's codes as words ("BIZ_INITIATED_MESSAGING" → "Biz initiated messaging"), as Meta names them. */
function humanise(code: string): string {
  const words = code.toLowerCase().replace(/_/g, " ").trim();
  return words ? words[0].toUpperCase() + words.slice(1) : "";
}
