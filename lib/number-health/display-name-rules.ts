// Meta's formatting rules for a WhatsApp display name, checked before a change is requested (and by
// the simulator's review). Meta also judges what a machine cannot (a relationship with the business,
// a generic word, a person's name); these are the rules that can be read off the name itself.
// Pure: no I/O.

export const displayNameRules = [
  "At least 3 characters.",
  "Capitalised as in the business's own branding, not in all capitals (acronyms aside).",
  "Single spaces between words, none at the start or end.",
  "No extra punctuation, emoji, or symbols such as ™ or ®.",
  "Not a web address.",
] as const;

const EMOJI = /\p{Extended_Pictographic}/u;
const SYMBOLS = /[™®©℠]/;
// Letters, digits, spaces and the punctuation names carry (& . , ' - + : ( ) /).
const ALLOWED = /^[\p{L}\p{M}\p{N} &.,'’\-+:()/]+$/u;
const URL = /(https?:\/\/|www\.|\.(com|net|org|io|co|de|shop|store|app)\b)/i;

/** Why Meta would refuse this display name, in a sentence, or null. */
export function displayNameProblem(raw: string): string | null {
  const name = raw.normalize("NFC");
  if (name.trim().length < 3) return "A display name needs at least 3 characters.";
  if (name.length > 128) return "A display name can be at most 128 characters.";
  if (name !== name.trim() || /\s{2,}/.test(name)) return "Use single spaces between words, and none at the start or end.";
  // ™ and ® count as pictographs too, so they are named first.
  if (SYMBOLS.test(name)) return "Leave out symbols such as ™, ® or ©.";
  if (EMOJI.test(name)) return "A display name can't contain emoji.";
  if (URL.test(name)) return "A display name can't be a web address.";
  if (!ALLOWED.test(name) || /([&.,'’\-+:/])\1/.test(name))
    return "Leave out extra punctuation: letters, digits and ordinary name punctuation only.";
  const letters = name.replace(/[^\p{L}]/gu, "");
  const words = name.split(" ").filter((word) => /\p{L}{5,}/u.test(word));
  if (letters.length >= 5 && words.length > 0 && words.every((word) => word === word.toUpperCase() && word !== word.toLowerCase()))
    return "Don't write the name in all capitals: capitalise it as your branding does.";
  return null;
}

/** Meta's rejection reason code for a problem (the simulator's review uses it). */
export function rejectionReason(name: string): string {
  const problem = displayNameProblem(name);
  if (!problem) return "NONE";
  if (problem.includes("capitals")) return "FORMATTING_CAPITALIZATION";
  if (problem.includes("punctuation") || problem.includes("emoji") || problem.includes("symbols")) return "FORMATTING_PUNCTUATION";
  if (problem.includes("spaces")) return "FORMATTING_SPACING";
  if (problem.includes("web address")) return "FORMATTING_URL";
  return "FORMATTING_LENGTH";
}
