import { eventFormats } from "@/lib/i18n/event-formats";
import { translator } from "@/lib/i18n/translator";
import { alertText, type AlertFacts } from "./account-alerts";

/** An alert in English, stored with it as the record (the audit of its dismissal quotes it). */
export function englishSummary(alert: AlertFacts): string {
  return alertText(alert, translator("en"), eventFormats("en"));
}
