import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { defaultLocale, locales } from "@/lib/i18n/locales";
import { allMessages } from "@/lib/i18n/messages";

// Every language has every key of the English source, and no other; each translation names the
// same placeholders, tags and select choices as the English, and parses as ICU.

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [inner, text] of flatten(value, path)) out.set(inner, text);
  }
  return out;
}

/** Placeholders, tags and the options of each select, as sorted strings. */
function shape(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) {
        found.add(`{${element.value}}`);
      } else if (element.type === TYPE.tag) {
        found.add(`<${element.value}>`);
        walk(element.children);
      } else if (element.type === TYPE.select) {
        found.add(`{${element.value}}`);
        for (const [option, branch] of Object.entries(element.options)) {
          found.add(`{${element.value}:${option}}`);
          walk(branch.value);
        }
      } else if (element.type === TYPE.plural) {
        found.add(`{${element.value}}`);
        for (const branch of Object.values(element.options)) walk(branch.value);
      }
    }
  };
  walk(parse(message));
  return [...found].sort();
}

const source = flatten(allMessages[defaultLocale] as unknown as Tree);

describe("messages", () => {
  it("English has keys", () => {
    expect(source.size).toBeGreaterThan(100);
  });

  describe.each(locales.filter((locale) => locale !== defaultLocale))("%s", (locale) => {
    const translated = flatten(allMessages[locale] as unknown as Tree);

    it("has every English key and no other", () => {
      expect([...source.keys()].filter((key) => !translated.has(key))).toEqual([]);
      expect([...translated.keys()].filter((key) => !source.has(key))).toEqual([]);
    });

    it("names the same placeholders, tags and choices as English", () => {
      const differing = [...source].flatMap(([key, english]) => {
        const text = translated.get(key);
        if (text === undefined) return [];
        const expected = shape(english).join(" ");
        let actual: string;
        try {
          actual = shape(text).join(" ");
        } catch (error) {
          return [`${key}: does not parse (${(error as Error).message})`];
        }
        return actual === expected ? [] : [`${key}: ${actual} ≠ ${expected}`];
      });
      expect(differing).toEqual([]);
    });

    it("is translated, not copied (a sentence identical to English was missed)", () => {
      const words = (text: string) => text.replace(/\{[^{}]*\}|<[^>]*>/g, " ").match(/\p{L}{2,}/gu)?.length ?? 0;
      const copied = [...source].filter(([key, english]) => translated.get(key) === english && words(english) >= 3);
      expect(
        copied
          .map(([key]) => key)
          .filter(
            (key) =>
              !metaTerms.some((term) => key === term || (term.endsWith(".") && key.startsWith(term))) &&
              !sameAsEnglish[locale]?.includes(key),
          ),
      ).toEqual([]);
    });
  });

  it("English parses", () => {
    const broken = [...source].filter(([, text]) => {
      try {
        shape(text);
        return false;
      } catch {
        return true;
      }
    });
    expect(broken.map(([key]) => key)).toEqual([]);
  });
});

/**
 * Messages a language rightly says as English does: Filipino support teams keep Meta's and the
 * product's English terms (roles, template categories, "Official business account", "Two-step
 * verification") in Taglish.
 */
const sameAsEnglish: Partial<Record<string, string[]>> = {
  tl: [
    "auth.demo",
    "workspace.role",
    "settings.rateCard.categoryName",
    "numberHealth.official",
    "numberHealth.twoStep",
    "numberHealth.pinTitle",
    "profile.look",
    "profile.officialAccount",
    "audit.targetType",
    "ui.officialAccount",
    "dashboard.kind",
    "stats.kind",
    "stats.category",
    "notifications.documentTitle",
  ],
};

/**
 * Meta's own names, which support staff say (and look up in Meta's documentation) in English in
 * every language: its field names and the titles of its error codes ("metaErrors.title.").
 */
const metaTerms = ["channels.phoneNumberId", "channels.wabaId", "settings.webhooks.phoneNumberId", "metaErrors.title."];
