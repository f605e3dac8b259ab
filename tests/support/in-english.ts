import { AppError } from "@/lib/errors";
import { issuePhrase } from "@/lib/i18n/issue-phrase";
import type { Phrase } from "@/lib/i18n/phrase";
import { translator } from "@/lib/i18n/translator";

// The English an API caller reads for a refusal: an AppError's Phrase or a zod issue's message key,
// worded as errorResponse() words them (lib/http/route.ts).

const english = translator("en");

export function inEnglish(said: AppError | Phrase | string): string {
  if (said instanceof AppError) return said.phrase ? inEnglish(said.phrase) : said.message;
  if (typeof said === "string") return said;
  return english(said.key, said.values);
}

export function issueInEnglish(issue: { message: string; maximum?: unknown; minimum?: unknown; params?: Record<string, unknown> }): string {
  const phrase = issuePhrase(issue);
  return phrase ? inEnglish(phrase) : issue.message;
}
