import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ContactDetails } from "@/components/api/types";
import { CustomerLanguage, languageOptions, templateLanguages } from "@/components/inbox/customer-language";
import type { Locale } from "@/lib/i18n/locales";
import { allMessages } from "@/lib/i18n/messages";

// The customer's language in the contact panel: Meta's template language codes as the values, each
// named in the agent's language, "not set" first, and whatever is stored shown as chosen.

const contact = (language: string | null) => ({ id: "contact-1", language }) as ContactDetails;

function render(locale: Locale, language: string | null): string {
  return renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <NextIntlClientProvider locale={locale} messages={allMessages[locale]} timeZone="UTC">
        <dl>
          <CustomerLanguage contact={contact(language)} />
        </dl>
      </NextIntlClientProvider>
    </QueryClientProvider>,
  );
}

const options = (html: string) => [...html.matchAll(/<option value="([^"]*)"([^>]*)>([^<]*)<\/option>/g)];
const chosen = (html: string) => options(html).filter(([, , attributes]) => attributes.includes("selected"));

describe("the customer's language", () => {
  it("offers Meta's codes, named in the agent's language", () => {
    const hindi = new Map(languageOptions("hi", null).map((option) => [option.value, option.name]));
    expect(hindi.get("hi")).toBe("हिन्दी");
    expect(hindi.get("en_US")).toBe("अंग्रेज़ी (संयुक्त राज्य)");
    const english = new Map(languageOptions("en", null).map((option) => [option.value, option.name]));
    expect(english.get("en_US")).toBe("English (United States)");
    expect(english.get("bn")).toBe("Bangla");
    expect(english.get("te")).toBe("Telugu");
    expect(english.get("fil")).toBe("Filipino");
    expect(english.get("pt_BR")).toBe("Portuguese (Brazil)");
  });

  it("sorts the names as the agent's language sorts them", () => {
    const names = languageOptions("en", null).map((option) => option.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
    expect(names.length).toBe(templateLanguages.length);
  });

  it("keeps a stored code Meta does not list, so showing it never changes it", () => {
    const options = languageOptions("en", "yue_HK");
    expect(options.find((option) => option.value === "yue_HK")?.name).toBe("Cantonese (Hong Kong SAR China)");
    expect(languageOptions("en", "not a tag").find((option) => option.value === "not a tag")?.name).toBe("not a tag");
    expect(languageOptions("en", "hi").filter((option) => option.value === "hi")).toHaveLength(1);
  });

  it("shows 'not set' first, chosen while the customer has no language", () => {
    const html = render("en", null);
    expect(html).toMatch(/<label for="[^"]+">Language<\/label>/);
    expect(options(html)[0].slice(1)).toEqual(["", ' selected=""', "Not set"]);
    expect(chosen(html).map(([, value]) => value)).toEqual([""]);
  });

  it("shows the stored code as chosen, in the agent's language", () => {
    const html = render("bn", "en_US");
    expect(html).toContain("ভাষা");
    expect(options(html)[0][3]).toBe("ঠিক করা নেই");
    expect(chosen(html).map(([, value, , name]) => [value, name])).toEqual([["en_US", "ইংরেজি (মার্কিন যুক্তরাষ্ট্র)"]]);
  });
});
