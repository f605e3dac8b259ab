import { describe, expect, it } from "vitest";
import { acceptedLanguages, negotiateLocale, validTimeZone } from "@/lib/i18n/negotiate";

describe("negotiateLocale", () => {
  it.each([
    [{ preferred: "bn", acceptLanguage: "hi-IN,hi;q=0.9" }, "bn"],
    [{ preferred: null, acceptLanguage: "hi-IN,hi;q=0.9,en;q=0.8" }, "hi"],
    [{ preferred: "fr", acceptLanguage: "te" }, "te"],
    [{ preferred: null, acceptLanguage: "fr-FR,te;q=0.5,hi;q=0.7" }, "hi"],
    [{ preferred: null, acceptLanguage: "fil-PH,en;q=0.5" }, "tl"],
    [{ preferred: null, acceptLanguage: "tl" }, "tl"],
    [{ preferred: null, acceptLanguage: "de, fr;q=0.9" }, "en"],
    [{ preferred: null, acceptLanguage: "hi;q=0, bn;q=0.1" }, "bn"],
    [{ preferred: null, acceptLanguage: null }, "en"],
    [{ preferred: null, acceptLanguage: "*;q=1, hi;q=0.2" }, "hi"],
  ])("%o → %s", (input, expected) => {
    expect(negotiateLocale(input)).toBe(expected);
  });

  it("orders by weight, then by position", () => {
    expect(acceptedLanguages("en;q=0.5, bn, hi;q=0.5, te;q=oops")).toEqual(["bn", "en", "hi"]);
  });
});

describe("validTimeZone", () => {
  it("keeps zones the runtime knows and refuses the rest", () => {
    expect(validTimeZone("Asia/Kolkata")).toBe("Asia/Kolkata");
    expect(validTimeZone("Mars/Olympus")).toBeNull();
    expect(validTimeZone(null)).toBeNull();
  });
});
