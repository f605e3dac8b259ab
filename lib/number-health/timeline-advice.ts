import type { MessageKey, Translate } from "@/lib/i18n/phrase";

// What an admin should do about each kind of event Meta reports on a number or account, in the
// reader's language (the "numberHealth" messages' advice.<kind>). Pure.

const advised = new Set([
  "quality_flagged",
  "quality_unflagged",
  "quality_downgrade",
  "quality_upgrade",
  "quality_throughput_upgrade",
  "quality_onboarding",
  "name_approved",
  "name_rejected",
  "name_deferred",
  "name_requested",
  "alert_oba_approved",
  "alert_oba_rejected",
  "oba_requested",
  "alert_profile_picture_lost",
  "account_restriction",
  "account_violation",
  "account_disabled",
  "review_rejected",
  "profile_changed_elsewhere",
  "pin_set",
]);

export function adviceFor(kind: string, t: Translate): string | null {
  if (kind.startsWith("template_")) return t("numberHealth.advice.template");
  return advised.has(kind) ? t(`numberHealth.advice.${kind}` as MessageKey) : null;
}
