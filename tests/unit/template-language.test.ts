import { describe, expect, it } from "vitest";
import {
  customerLanguage,
  guessLanguage,
  languageName,
  preferredLanguage,
  primaryLanguageName,
  sameLanguage,
} from "@/components/inbox/template-language";
import { messageDto } from "../support/message-dto";

// Which language the template picker offers first, and what it takes the customer to read.

describe("guessing the customer's language from their script", () => {
  it.each([
    [["मेरा ऑर्डर कब आएगा?"], "hi"],
    [["আমার অর্ডার কোথায়?"], "bn"],
    [["నా ఆర్డర్ ఎక్కడ ఉంది?"], "te"],
    [["Where is my order?"], null],
    [["Kumusta, nasaan na po ang order ko?"], null],
    [["Order 50412 ka status kya hai?"], null],
    [["👍", "12:30"], null],
    [[], null],
    // Mostly Devanagari with an English word or two is still Hindi; mostly English with a Hindi word is not.
    [["ऑर्डर #50412 कब तक आएगा, tracking link नहीं खुल रहा"], "hi"],
    [["Please send the invoice again, धन्यवाद"], null],
  ])("%j → %s", (texts, expected) => {
    expect(guessLanguage(texts)).toBe(expected);
  });
});

describe("the customer's language", () => {
  const inbound = (text: string) => messageDto({ direction: "INBOUND", type: "text", text });

  it("is the contact's language when an agent set one, whatever they write", () => {
    expect(customerLanguage({ contactLanguage: "bn", messages: [inbound("मेरा ऑर्डर कब आएगा?")] })).toEqual({ code: "bn", guessed: false });
  });

  it("is guessed from the customer's own messages, not the business's", () => {
    const messages = [
      inbound("मेरा ऑर्डर कब आएगा?"),
      messageDto({ direction: "OUTBOUND", type: "text", text: "Your order ships Monday, thank you for waiting" }),
    ];
    expect(customerLanguage({ contactLanguage: null, messages })).toEqual({ code: "hi", guessed: true });
  });

  it("is unknown for Latin script and for no messages", () => {
    expect(customerLanguage({ contactLanguage: null, messages: [inbound("Is my order shipped?")] })).toBeNull();
    expect(customerLanguage({ contactLanguage: "  ", messages: [] })).toBeNull();
  });
});

describe("the language offered first", () => {
  const available = ["en_US", "de", "hi"];

  it.each([
    // The customer's language, by exact code or by primary subtag.
    [available, "hi", "en", "hi"],
    [["en_GB", "hi"], "en", "hi", "en_GB"],
    [["en_US", "de"], "de_AT", "en", "de"],
    // Else the agent's own language.
    [["en_US", "hi"], null, "hi", "hi"],
    [["en_US", "hi"], "bn", "hi", "hi"],
    // Else English, else the first the template has.
    [["pt_BR", "en"], "bn", "te", "en"],
    [["pt_BR", "id"], "bn", "te", "pt_BR"],
    [[], "hi", "en", null],
  ])("%j for customer %s and agent %s → %s", (codes, customer, agent, expected) => {
    expect(preferredLanguage(codes, { customer, agent })).toBe(expected);
  });

  it("prefers the exact code over another country's variant", () => {
    expect(preferredLanguage(["en_GB", "en_US"], { customer: "en_US", agent: "hi" })).toBe("en_US");
  });
});

describe("naming languages", () => {
  it("matches by primary subtag", () => {
    expect(sameLanguage("en", "en_US")).toBe(true);
    expect(sameLanguage("en_GB", "en-US")).toBe(true);
    expect(sameLanguage("hi", "en_US")).toBe(false);
  });

  it("names a language in the agent's language, and falls back to the code", () => {
    expect(languageName("de", "en")).toBe("German");
    expect(primaryLanguageName("en_US", "en")).toBe("English");
    expect(languageName("hi", "hi")).toBe("हिन्दी");
    expect(languageName("not a code!", "en")).toBe("not a code!");
  });
});
