import { createHmac, timingSafeEqual } from "node:crypto";

// Meta signs every webhook: X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body, keyed
// with the app secret>. Verify over the exact bytes received; re-serialised JSON will not match.

export function signBody(body: string | Buffer, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

export function verifySignature({
  body,
  header,
  secret,
}: {
  body: string | Buffer;
  header: string | null | undefined;
  secret: string;
}): boolean {
  if (!header?.startsWith("sha256=")) return false;
  const given = Buffer.from(header.slice("sha256=".length), "hex");
  const expected = Buffer.from(signBody(body, secret).slice("sha256=".length), "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
