import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Whether the verify token Meta sent matches ours, in constant time: both are hashed first, so the
 * comparison takes the same time whatever the length or the first differing character.
 */
export function verifyTokenMatches({ given, expected }: { given: string | null; expected: string }): boolean {
  if (given === null || expected === "") return false;
  const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}
