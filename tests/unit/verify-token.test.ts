import { describe, expect, it } from "vitest";
import { verifyTokenMatches } from "@/lib/whatsapp/verify-token";

// The GET handshake's verify token, compared in constant time.

describe("verifyTokenMatches", () => {
  it.each([
    ["the token", "secret-token", true],
    ["another token of the same length", "secret-tokeN", false],
    ["a prefix", "secret", false],
    ["a longer token", "secret-token-and-more", false],
    ["an empty token", "", false],
    ["no token", null, false],
  ])("%s → %s", (_label, given, expected) => {
    expect(verifyTokenMatches({ given, expected: "secret-token" })).toBe(expected);
  });

  it("never matches when no token is configured", () => {
    expect(verifyTokenMatches({ given: "", expected: "" })).toBe(false);
  });
});
