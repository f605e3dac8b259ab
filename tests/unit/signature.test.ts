import { describe, expect, it } from "vitest";
import { signBody, verifySignature } from "@/lib/whatsapp/signature";

const secret = "app-secret";
const body = '{"object":"whatsapp_business_account","entry":[]}';

describe("verifySignature", () => {
  it("accepts the HMAC-SHA256 of the raw body with the app secret", () => {
    expect(verifySignature({ body, header: signBody(body, secret), secret })).toBe(true);
    expect(verifySignature({ body: Buffer.from(body), header: signBody(body, secret), secret })).toBe(true);
  });

  it("matches Meta's format: sha256= followed by lowercase hex", () => {
    expect(signBody(body, secret)).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it.each([
    ["signed with another secret", signBody(body, "wrong-secret")],
    ["missing", null],
    ["empty", ""],
    ["without the sha256= prefix", signBody(body, secret).slice("sha256=".length)],
    ["SHA-1 style", `sha1=${"a".repeat(40)}`],
    ["truncated", signBody(body, secret).slice(0, 30)],
    ["not hex", `sha256=${"z".repeat(64)}`],
  ])("rejects a signature %s", (_label, header) => {
    expect(verifySignature({ body, header, secret })).toBe(false);
  });

  it("rejects a tampered body", () => {
    const header = signBody(body, secret);
    expect(verifySignature({ body: body.replace("[]", "[{}]"), header, secret })).toBe(false);
    // Re-serialised JSON differs from the bytes Meta signed.
    expect(verifySignature({ body: JSON.stringify(JSON.parse(body), null, 2), header, secret })).toBe(false);
  });
});
