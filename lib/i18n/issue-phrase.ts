import type { MessageKey, Phrase, PhraseValues } from "./phrase";

// A zod issue whose message is a message key ({ error: "errors.sendTooLong.header" }) as a Phrase:
// the limit the check names (`maximum`, `minimum`) and a custom issue's `params` are its values,
// so "can be at most {maximum} characters" is worded where the reader's language is known.

type Issue = { message: string; maximum?: unknown; minimum?: unknown; params?: Record<string, unknown> };

export function issuePhrase(issue: Issue): Phrase | null {
  if (!issue.message.startsWith("errors.")) return null;
  const values: PhraseValues = {};
  const given: Record<string, unknown> = { maximum: issue.maximum, minimum: issue.minimum, ...issue.params };
  for (const [name, value] of Object.entries(given)) {
    if (typeof value === "number" || typeof value === "string") values[name] = value;
    else if (typeof value === "bigint") values[name] = Number(value);
  }
  return { key: issue.message as MessageKey, ...(Object.keys(values).length ? { values } : {}) };
}
