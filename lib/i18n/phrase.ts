import type { MessageKeys, NestedKeyOf } from "next-intl";
import type { Messages } from "./messages";

// A sentence to be shown to someone whose language the code that made it doesn't know: a message
// key and its values, rendered where the reader is known (the API's error responses, the browser).

export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;
export type PhraseValues = Record<string, string | number | Date>;
export type Phrase = { key: MessageKey; values?: PhraseValues };

/** A translator of any message key, as translator() and next-intl's root t() are. */
export type Translate = (key: MessageKey, values?: PhraseValues) => string;

export function phrase(key: MessageKey, values?: PhraseValues): Phrase {
  return values ? { key, values } : { key };
}

export function isPhrase(value: unknown): value is Phrase {
  return typeof value === "object" && value !== null && typeof (value as Phrase).key === "string";
}
