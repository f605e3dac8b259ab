// Meta's title for each error code and what to do about it, beside the agent's sentence of
// error-messages.ts: the failures statistics show all three, in the reader's language (the
// "metaErrors" messages: title.<code>, explanation.<code>, action.<code>). Pure.

import en from "@/messages/en.json";
import type { MessageKey, Translate } from "@/lib/i18n/phrase";
import { metaErrorPhrase } from "./error-messages";

const guided = new Set(Object.keys(en.metaErrors.title).map(Number));

/** Meta's title, the agent's sentence and what to do, for an error code (null: the send failed before Meta answered). */
export function errorGuide(code: number | null, t: Translate): { title: string; explanation: string; action: string } {
  if (code === null)
    return {
      title: t("metaErrors.notSent.title"),
      explanation: t("metaErrors.notSent.explanation"),
      action: t("metaErrors.notSent.action"),
    };
  const explanation = metaErrorPhrase({ code });
  const known = guided.has(code);
  return {
    title: known ? t(`metaErrors.title.${code}` as MessageKey) : t("metaErrors.unknownTitle", { code }),
    explanation: t(explanation.key, explanation.values),
    action: known ? t(`metaErrors.action.${code}` as MessageKey) : t("metaErrors.unknownAction"),
  };
}
