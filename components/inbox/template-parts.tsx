"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { CostEstimate } from "@/lib/billing/estimate-cost";
import type { TemplateDto } from "@/lib/conversations/list-templates";
import type { SendInput } from "@/lib/conversations/outbound-schema";
import { languageName, primaryLanguageName, sameLanguage, type CustomerLanguage } from "./template-language";
import { fillPlaceholders, type TemplateButtonDefinition, type TemplateComponentDefinition } from "@/lib/whatsapp/render-template";

// The template picker's pieces: the values an agent fills in, the send request they make, the
// preview as the customer will see it, the languages a template has and the warning when the
// customer reads another (template-language.ts decides which).

export type Values = { header: Record<string, string>; body: Record<string, string>; headerLink: string; buttons: Record<number, string> };

export const empty: Values = { header: {}, body: {}, headerLink: "", buttons: {} };

type Filled = {
  template: TemplateDto;
  values: Values;
  headerVars: string[];
  headerMedia: string | null;
  bodyVars: string[];
  urlButtons: { button: TemplateButtonDefinition; index: number }[];
};

/** The send request for a template and the values typed into it. */
export function templateInput({ template, values, headerVars, headerMedia, bodyVars, urlButtons }: Filled): SendInput {
  const positional = bodyVars.every((v) => /^\d+$/.test(v));
  const buttons = urlButtons.filter(({ index }) => values.buttons[index]?.trim());
  return {
    template: {
      name: template.name,
      language: template.language,
      components: {
        ...(headerVars.length ? { header: { type: "text" as const, text: values.header[headerVars[0]] ?? "" } } : {}),
        ...(headerMedia && values.headerLink ? { header: { type: headerMedia as "image", link: values.headerLink } } : {}),
        ...(bodyVars.length
          ? {
              body: positional
                ? bodyVars.map((v) => values.body[v] ?? "")
                : Object.fromEntries(bodyVars.map((v) => [v, values.body[v] ?? ""])),
            }
          : {}),
        ...(buttons.length ? { buttons: buttons.map(({ index }) => ({ index, text: values.buttons[index].trim() })) } : {}),
      },
    },
  };
}

export function TemplatePreview({
  definition,
  values,
  headerMedia,
}: {
  definition: TemplateComponentDefinition[];
  values: Values;
  headerMedia: string | null;
}) {
  const t = useTranslations("templatePicker");
  const part = (type: string) => definition.find((c) => c.type.toUpperCase() === type);
  const header = part("HEADER");
  return (
    <div className="rounded-lg bg-wallpaper p-3">
      <div className="max-w-sm rounded-lg bg-white px-3 py-2 shadow-sm" data-testid="template-preview">
        {header?.format?.toUpperCase() === "TEXT" && <p className="font-semibold">{fillPlaceholders(header.text ?? "", values.header)}</p>}
        {headerMedia && (
          <p className="mb-1 rounded bg-slate-100 px-2 py-4 text-center text-xs text-slate-500">{t("media", { media: headerMedia })}</p>
        )}
        <p className="whitespace-pre-wrap">{fillPlaceholders(part("BODY")?.text ?? "", values.body)}</p>
        {part("FOOTER")?.text && <p className="mt-1 text-xs text-slate-500">{part("FOOTER")?.text}</p>}
        {(part("BUTTONS")?.buttons ?? []).map((button, index) => (
          <p key={index} className="mt-1 border-t border-slate-100 pt-1 text-center text-sky-700">
            {button.text}
          </p>
        ))}
      </div>
    </div>
  );
}

export function Field({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId?: string;
}) {
  return (
    <label className="block">
      <span className="mb-0.5 block text-xs text-slate-500">{label}</span>
      <input
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
        className="w-full rounded-md border border-slate-300 px-2 py-1 text-sm focus:border-brand-500"
      />
    </label>
  );
}

/** The languages a template is approved in, by name and code, the customer's marked. */
export function LanguageChips({ codes, customer }: { codes: string[]; customer: CustomerLanguage | null }) {
  const t = useTranslations("templatePicker");
  const locale = useLocale();
  return (
    <span className="mt-0.5 flex flex-wrap gap-1" data-testid="template-languages">
      {codes.map((code) => {
        const theirs = !!customer && sameLanguage(code, customer.code);
        return (
          <span
            key={code}
            data-customer={theirs || undefined}
            className={`rounded px-1 text-[10px] font-normal ${theirs ? "bg-emerald-100 text-emerald-800" : "bg-slate-100 text-slate-600"}`}
          >
            {t("languageOption", { language: languageName(code, locale), code })}
            {theirs && <span className="sr-only">{t("customersMark")}</span>}
          </span>
        );
      })}
    </span>
  );
}

/**
 * The customer reads another language than the template's: said before sending, and said again
 * (as an alert) once the agent has clicked Send, whose second click sends anyway.
 */
export function LanguageWarning({
  customer,
  customerLanguage,
  templateLanguage,
  confirming,
}: {
  customer: string;
  customerLanguage: CustomerLanguage;
  templateLanguage: string;
  confirming: boolean;
}) {
  const t = useTranslations("templatePicker");
  const locale = useLocale();
  const values = {
    customer,
    language: primaryLanguageName(customerLanguage.code, locale),
    templateLanguage: primaryLanguageName(templateLanguage, locale),
  };
  return (
    <div
      role={confirming ? "alert" : undefined}
      data-testid="template-language-warning"
      className={`rounded-md px-3 py-1.5 text-amber-900 ${confirming ? "bg-amber-200" : "bg-amber-100"}`}
    >
      <p>{t(customerLanguage.guessed ? "mismatchGuessed" : "mismatch", values)}</p>
      {confirming && <p className="text-xs">{t("confirmMismatch", values)}</p>}
    </div>
  );
}

/** What sending this template costs, from the rate card, or why it is free. */
export function CostLine({
  estimate,
  category,
  window,
}: {
  estimate: CostEstimate | null;
  category: string;
  window: "free_entry_point" | "customer_service" | "closed";
}) {
  const t = useTranslations("templatePicker");
  const words = useTranslations();
  const format = useFormatter();
  const reason = (estimate: CostEstimate) =>
    t("rateFor", {
      category: words("settings.rateCard.categoryName", { category: category.toUpperCase() }),
      country: estimate.countryCode === "*" ? "any" : estimate.countryCode,
    });
  return (
    <p className="text-xs text-slate-600" data-testid="template-cost">
      {!estimate
        ? t("noRate")
        : estimate.free
          ? t("free", { window })
          : t("estimate", {
              price: format.number(estimate.price, { minimumFractionDigits: 4, maximumFractionDigits: 4 }),
              currency: estimate.currency,
              reason: reason(estimate),
            })}
    </p>
  );
}
