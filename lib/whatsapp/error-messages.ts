import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import type { MessageKey, Phrase } from "@/lib/i18n/phrase";

// Meta's error codes (from Meta's error code reference) as sentences an agent understands, in
// every language: the "metaErrors" messages (explanation.<code>), one table the thread, the
// notifications, the statistics and the API all read. Pure.

/** The codes Switchboard explains in its own words; any other shows Meta's title. */
export const explainedCodes = new Set(Object.keys(en.metaErrors.explanation).map(Number));

/** The agent's sentence for a Meta error, to render in the reader's language. */
export function metaErrorPhrase({ code, title }: { code: number | null | undefined; title?: string | null }): Phrase {
  if (code != null && explainedCodes.has(code)) return { key: `metaErrors.explanation.${code}` as MessageKey };
  if (title) return { key: "metaErrors.metaSaid", values: { title } };
  return { key: "metaErrors.generic" };
}

const english = createTranslator({ locale: "en", messages: { metaErrors: en.metaErrors }, namespace: "metaErrors" });

/**
 * The same sentence in English, for what is stored or logged once for every reader (a failed
 * message's error, an upload's refusal, the simulator); falls back to Meta's own title.
 */
export function describeMetaError(error: { code: number | null | undefined; title?: string | null }): string {
  const phrase = metaErrorPhrase(error);
  const key = phrase.key.replace(/^metaErrors\./, "") as Parameters<typeof english>[0];
  return english(key, phrase.values as Parameters<typeof english>[1]);
}
