import type { MessageDto } from "@/lib/conversations/types";

// Which of a template's languages to offer a customer first, and whether the one chosen is theirs
// (docs/architecture.md, "Languages"): the language an agent set on the contact, else a guess from
// the script of the customer's own messages, else the agent's language, else English. Pure.

/** The customer's language: set by an agent on the contact, or guessed from their messages' script. */
export type CustomerLanguage = { code: string; guessed: boolean };

const primary = (code: string) => code.split(/[-_]/)[0].toLowerCase();

/** Two Meta locale codes name the same language when their primary subtags agree (`en` and `en_GB`). */
export function sameLanguage(a: string, b: string): boolean {
  return primary(a) === primary(b);
}

// The scripts that name one of our customers' languages; Latin (English, Tagalog, Hinglish…) names none.
const scripts = [
  { code: "hi", letters: /\p{Script=Devanagari}/gu },
  { code: "bn", letters: /\p{Script=Bengali}/gu },
  { code: "te", letters: /\p{Script=Telugu}/gu },
  { code: null, letters: /\p{Script=Latin}/gu },
];

/** The language most letters of these texts are written in: Devanagari → hi, Bengali → bn, Telugu → te; else none. */
export function guessLanguage(texts: string[]): string | null {
  const joined = texts.join(" ");
  let best: { code: string | null; count: number } = { code: null, count: 0 };
  for (const { code, letters } of scripts) {
    const count = joined.match(letters)?.length ?? 0;
    if (count > best.count) best = { code, count };
  }
  return best.code;
}

/** The contact's language, else a guess from the customer's own latest text messages, else unknown. */
export function customerLanguage({
  contactLanguage,
  messages,
}: {
  contactLanguage: string | null;
  messages: Pick<MessageDto, "direction" | "type" | "text">[];
}): CustomerLanguage | null {
  if (contactLanguage?.trim()) return { code: contactLanguage.trim(), guessed: false };
  const theirs = messages.filter((m) => m.direction === "INBOUND" && m.type === "text" && m.text).slice(-20);
  const guess = guessLanguage(theirs.map((m) => m.text!));
  return guess ? { code: guess, guessed: true } : null;
}

/**
 * Which of a template's languages to offer first: the customer's, else the agent's own, else
 * English, else whatever it has first. Exact codes win; then the same primary subtag.
 */
export function preferredLanguage(available: string[], { customer, agent }: { customer: string | null; agent: string }): string | null {
  const pick = (wanted: string) =>
    available.find((code) => code.toLowerCase() === wanted.replace("-", "_").toLowerCase()) ??
    available.find((code) => sameLanguage(code, wanted));
  return (customer ? pick(customer) : undefined) ?? pick(agent) ?? pick("en") ?? available[0] ?? null;
}

/** A language's name in the agent's language (`de` → "German" or "जर्मन"); the code when Intl knows none. */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language", fallback: "code" }).of(code.replace("_", "-")) ?? code;
  } catch {
    return code;
  }
}

/** Only the language, without the country: "English" for en_US, for a warning that names it in passing. */
export function primaryLanguageName(code: string, locale: string): string {
  return languageName(primary(code), locale);
}
