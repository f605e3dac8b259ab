import { AppError } from "@/lib/errors";
import { translator } from "./translator";

// An error as English text, for what is stored or logged once for every reader (a dead letter, a
// webhook event that could not be processed): an AppError's Phrase is worded, not shown as its key.

const english = translator("en");

export function englishErrorText(error: unknown): string {
  if (error instanceof AppError && error.phrase) return english(error.phrase.key, error.phrase.values);
  return error instanceof Error ? error.message : String(error);
}
