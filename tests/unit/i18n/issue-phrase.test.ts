import { describe, expect, it } from "vitest";
import { sendInput } from "@/lib/conversations/outbound-schema";
import { issuePhrase } from "@/lib/i18n/issue-phrase";
import { translator } from "@/lib/i18n/translator";

// A send schema's problem is a message key; the limit its check names travels with it, so the
// sentence is worded, with the number, in the reader's language.

function firstProblem(body: unknown) {
  const result = sendInput.safeParse(body);
  if (result.success) throw new Error("expected a problem");
  return issuePhrase(result.error.issues[0]!);
}

describe("issuePhrase", () => {
  it("carries a check's limit into the sentence, in every language", () => {
    const tooLong = firstProblem({ text: "x".repeat(4097) });
    expect(tooLong).toEqual({ key: "errors.sendTooLong.textMessage", values: { maximum: 4096 } });
    expect(translator("en")(tooLong!.key, tooLong!.values)).toBe("A text message can be at most 4096 characters.");
    const hindi = translator("hi")(tooLong!.key, tooLong!.values);
    expect(hindi).toContain("4096");
    expect(hindi).toMatch(/\p{Script=Devanagari}/u);
  });

  it("carries a custom issue's params", () => {
    const rows = Array.from({ length: 11 }, (_, index) => ({ id: `r${index}`, title: `Row ${index}` }));
    const problem = firstProblem({ interactive: { type: "list", body: "Pick", button: "Options", sections: [{ rows }] } });
    expect(translator("en")(problem!.key, problem!.values)).toBe("WhatsApp allows at most 10 rows in a list (this one has 11).");
  });

  it("leaves a message that is not a key alone", () => {
    expect(issuePhrase({ message: "Invalid input" })).toBeNull();
  });
});
