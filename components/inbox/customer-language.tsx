"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId, useMemo } from "react";
import { useUpdateContact } from "@/components/api/mutations";
import type { ContactDetails } from "@/components/api/types";

// The customer's language, stored as the code Meta gives a template's language (en, en_US, pt_BR,
// fil…), so it can be matched against the templates' languages as they are. The agent sets it in
// the contact panel; each language is named in the agent's own language.

/** The languages Meta accepts for WhatsApp templates, by their codes. */
export const templateLanguages: readonly string[] = (
  "af sq ar az bn bg ca zh_CN zh_HK zh_TW hr cs da nl en en_GB en_US et fil fi fr ka de el gu ha he hi " +
  "hu id ga it ja kn kk rw_RW ko ky_KG lo lv lt mk ms ml mr nb fa pl pt_BR pt_PT pa ro ru sr sk sl es " +
  "es_AR es_ES es_MX sw sv ta te th tr uk ur uz vi zu"
).split(" ");

export type LanguageOption = { value: string; name: string };

/**
 * The choices, named in `locale` ("English (United States)", "हिन्दी") and in its alphabetical
 * order. A stored code that is not in Meta's list stays a choice, so showing it never changes it.
 */
export function languageOptions(locale: string, current: string | null): LanguageOption[] {
  const names = new Intl.DisplayNames(locale, { type: "language", languageDisplay: "standard", fallback: "code" });
  const name = (code: string) => {
    try {
      return names.of(code.replace(/_/g, "-")) ?? code;
    } catch {
      // Not a language tag Intl can read: show the code as it is stored.
      return code;
    }
  };
  const codes = current && !templateLanguages.includes(current) ? [...templateLanguages, current] : templateLanguages;
  const collator = new Intl.Collator(locale);
  return codes.map((code) => ({ value: code, name: name(code) })).sort((a, b) => collator.compare(a.name, b.name));
}

/** A row of the contact panel's details: the language, chosen from Meta's, or not set. */
export function CustomerLanguage({ contact }: { contact: ContactDetails }) {
  const t = useTranslations("inbox.contact");
  const locale = useLocale();
  const id = useId();
  const update = useUpdateContact(contact.id);
  const options = useMemo(() => languageOptions(locale, contact.language), [locale, contact.language]);
  // While the change is on its way the select shows it; a refusal puts the saved value back.
  const shown = update.isPending ? update.variables?.language : contact.language;
  return (
    <div className="flex items-center justify-between gap-2">
      <dt className="text-slate-500">
        <label htmlFor={id}>{t("language")}</label>
      </dt>
      <dd className="flex min-w-0 flex-col items-end">
        <select
          id={id}
          data-testid="contact-language"
          value={shown ?? ""}
          onChange={(event) => update.mutate({ language: event.target.value || null })}
          className="max-w-40 truncate rounded border border-slate-200 bg-white px-1 py-0.5 text-xs text-slate-700 focus:border-brand-500"
        >
          <option value="">{t("languageNotSet")}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.name}
            </option>
          ))}
        </select>
        {update.error && (
          <span role="alert" className="text-red-700">
            {update.error.message}
          </span>
        )}
      </dd>
    </div>
  );
}
