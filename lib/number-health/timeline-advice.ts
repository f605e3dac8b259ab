// What an admin should do about each kind of event Meta reports on a number or account. Pure.

const advice: Record<string, string> = {
  quality_flagged:
    "Customers have been blocking or reporting this number. Send fewer marketing messages, only to people who asked for them, and make opting out easy.",
  quality_unflagged: "Nothing to do: the rating recovered. Keep messages relevant to keep it there.",
  quality_downgrade:
    "The number can now start fewer conversations a day. Improve the quality rating before sending campaigns; the limit rises again with good quality.",
  quality_upgrade: "Nothing to do: the number can start more conversations a day.",
  quality_throughput_upgrade: "Nothing to do: the number can send more messages per second.",
  quality_onboarding: "Wait until onboarding finishes before sending campaigns.",
  name_approved: "Nothing to do: customers now see the new name.",
  name_rejected: "Choose a name that follows Meta's display name rules (shown on this page) and request it again.",
  name_deferred: "Meta will review the name when the number reaches a higher messaging limit; nothing to do now.",
  name_requested: "Wait for Meta's review; the decision appears here and as a notification.",
  alert_oba_approved: "Nothing to do: the blue tick shows beside the name.",
  alert_oba_rejected: "Strengthen the evidence (news articles about the business, an approved name) and request again after 30 days.",
  oba_requested: "Wait for Meta's decision; it appears here and as a notification.",
  alert_profile_picture_lost: "Upload the profile photo again on the business profile page.",
  account_restriction:
    "Stop the restricted kind of messaging until the date given, and review WhatsApp's Business Messaging Policy in WhatsApp Manager.",
  account_violation: "Open WhatsApp Manager's account quality page to see the violation and appeal it if it is wrong.",
  account_disabled: "Open WhatsApp Manager to see why and to request a review.",
  review_rejected: "Open WhatsApp Manager to see the reasons and request another review.",
  profile_changed_elsewhere: "Open the business profile to keep the change or overwrite it with the last saved version.",
  pin_set: "Nothing to do. Keep the PIN where the people who may re-register the number can find it.",
};

export function adviceFor(kind: string): string | null {
  if (kind.startsWith("template_")) return "Open the template in WhatsApp Manager, fix what Meta names and submit it again.";
  return advice[kind] ?? null;
}
