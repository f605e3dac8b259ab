// Meta's formatting rules for a WhatsApp display name, checked before a change is requested (and by
// the simulator's review). Meta also judges what a machine cannot (a relationship with the business,
// a generic word, a person's name); these are the rules that can be read off the name itself.
// The rules and problems are codes, worded in the reader's language by the "numberHealth" messages
// (nameRule, nameProblem). Pure: no I/O.

export const displayNameRules = ["length", "capitals", "spacing", "punctuation", "url"] as const;

export type DisplayNameProblem = "tooShort" | "tooLong" | "spacing" | "symbols" | "emoji" | "url" | "punctuation" | "capitals";

const EMOJI = /\p{Extended_Pictographic}/u;
const SYMBOLS = /[™®©℠]/;
// Letters, digits, spaces and the punctuation names carry (& . , ' - + : ( ) /).
const ALLOWED = /^[\p{L}\p{M}\p{N} &.,'’\-+:()/]+$/u;
const URL = /(https?:\/\/|www\.|\.(com|net|org|io|co|de|shop|store|app)\b)/i;

/** Why Meta would refuse this display name, or null. */
export function displayNameProblem(raw: string): DisplayNameProblem | null {
  const name = raw.normalize("NFC");
  if (name.trim().length < 3) return "tooShort";
  if (name.length > 128) return "tooLong";
  if (name !== name.trim() || /\s{2,}/.test(name)) return "spacing";
  // ™ and ® count as pictographs too, so they are named first.
  if (SYMBOLS.test(name)) return "symbols";
  if (EMOJI.test(name)) return "emoji";
  if (URL.test(name)) return "url";
  if (!ALLOWED.test(name) || /([&.,'’\-+:/])\1/.test(name)) return "punctuation";
  const letters = name.replace(/[^\p{L}]/gu, "");
  const words = name.split(" ").filter((word) => /\p{L}{5,}/u.test(word));
  if (letters.length >= 5 && words.length > 0 && words.every((word) => word === word.toUpperCase() && word !== word.toLowerCase()))
    return "capitals";
  return null;
}

/** Meta's rejection reason code for a problem (the simulator's review uses it). */
export function rejectionReason(name: string): string {
  const problem = displayNameProblem(name);
  if (!problem) return "NONE";
  if (problem === "capitals") return "FORMATTING_CAPITALIZATION";
  if (problem === "punctuation" || problem === "emoji" || problem === "symbols") return "FORMATTING_PUNCTUATION";
  if (problem === "spacing") return "FORMATTING_SPACING";
  if (problem === "url") return "FORMATTING_URL";
  return "FORMATTING_LENGTH";
}
