import { createHash } from "node:crypto";

/** Meta gives a file's SHA-256 in base64 in webhooks and in hex from the media endpoint: accept either. */
export function sha256Matches(bytes: Uint8Array, expected: string): boolean {
  const digest = createHash("sha256").update(bytes).digest();
  const given = expected.trim();
  if (/^[0-9a-f]{64}$/i.test(given)) return given.toLowerCase() === digest.toString("hex");
  return given.replace(/=+$/, "") === digest.toString("base64").replace(/=+$/, "");
}
