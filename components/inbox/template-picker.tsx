"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useRates, useTemplates } from "@/components/api/hooks";
import { useErrorText } from "@/components/i18n/use-error-text";
import { estimateTemplateCost } from "@/lib/billing/estimate-cost";
import type { SendInput } from "@/lib/conversations/outbound-schema";
import type { ConversationDto, MessageDto } from "@/lib/conversations/types";
import { placeholders, type TemplateComponentDefinition } from "@/lib/whatsapp/render-template";
import { customerLanguage, languageName, preferredLanguage, primaryLanguageName, sameLanguage } from "./template-language";
import { CostLine, empty, Field, LanguageChips, LanguageWarning, templateInput, TemplatePreview, type Values } from "./template-parts";

/**
 * Pick an approved template, fill its variables, see it as the customer will and what it costs. The
 * customer's language comes first; sending in another takes a second, deliberate click.
 */
export function TemplatePicker({
  open,
  onClose,
  conversation,
  messages,
  onSend,
}: {
  open: boolean;
  onClose: () => void;
  conversation: ConversationDto;
  messages: MessageDto[];
  onSend: (input: SendInput) => Promise<void>;
}) {
  const t = useTranslations("templatePicker");
  const commonText = useTranslations("common");
  const words = useTranslations();
  const categoryText = (category: string) => words("settings.rateCard.categoryName", { category });
  const locale = useLocale();
  const errorText = useErrorText();
  // Fetched the first time a picker opens, then kept for the session (see queries.templates).
  const templatesQuery = useTemplates({ enabled: open });
  const ratesQuery = useRates({ enabled: open });
  const templates = templatesQuery.data?.items.filter((t) => t.channelId === conversation.channelId) ?? null;
  const rates = ratesQuery.data?.items ?? [];
  const [query, setQuery] = useState("");
  const [name, setName] = useState<string | null>(null);
  const [language, setLanguage] = useState<string | null>(null);
  const [values, setValues] = useState<Values>(empty);
  const [sendError, setError] = useState<string | null>(null);
  const error = sendError ?? (templatesQuery.error ? errorText(templatesQuery.error) : null);
  const [sending, setSending] = useState(false);
  // The first click on Send for a template in another language than the customer's only asks.
  const [confirming, setConfirming] = useState(false);
  const customer = customerLanguage({ contactLanguage: conversation.contact.language, messages });

  const names = [...new Set((templates ?? []).map((t) => t.name))].filter((n) => n.toLowerCase().includes(query.toLowerCase()));
  const codesOf = (item: string) => (templates ?? []).filter((t) => t.name === item).map((t) => t.language);
  const languages = (templates ?? []).filter((t) => t.name === name);
  const template = languages.find((t) => t.language === language) ?? languages[0] ?? null;
  const mismatch = !!template && !!customer && !sameLanguage(template.language, customer.code);
  const definition = (Array.isArray(template?.components) ? template.components : []) as TemplateComponentDefinition[];
  const part = (type: string) => definition.find((c) => c.type.toUpperCase() === type);
  const header = part("HEADER");
  const bodyText = part("BODY")?.text ?? "";
  const bodyVars = placeholders(bodyText);
  const headerVars = header?.format?.toUpperCase() === "TEXT" ? placeholders(header.text) : [];
  const headerMedia = header?.format && !["TEXT", "LOCATION"].includes(header.format.toUpperCase()) ? header.format.toLowerCase() : null;
  const urlButtons = (part("BUTTONS")?.buttons ?? [])
    .map((button, index) => ({ button, index }))
    .filter(({ button }) => button.type === "URL" && placeholders(button.url).length > 0);
  const estimate = template
    ? estimateTemplateCost({
        category: template.category,
        waId: conversation.contact.waId,
        rates,
        windowKind: conversation.billingWindow.kind,
      })
    : null;

  const close = () => {
    setConfirming(false);
    onClose();
  };
  const optionLabel = (code: string) =>
    t(customer && sameLanguage(code, customer.code) ? "customerLanguageOption" : "languageOption", {
      language: languageName(code, locale),
      code,
    });

  function choose(next: string) {
    setName(next);
    setLanguage(preferredLanguage(codesOf(next), { customer: customer?.code ?? null, agent: locale }));
    setValues(empty);
    setError(null);
    setConfirming(false);
  }

  async function send() {
    if (!template) return;
    if (mismatch && !confirming) return setConfirming(true);
    const input = templateInput({ template, values, headerVars, headerMedia, bodyVars, urlButtons });
    setSending(true);
    setError(null);
    try {
      await onSend(input);
      close();
      setName(null);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setSending(false);
    }
  }

  return (
    <Dialog open={open} onClose={close} title={t("title")} width="max-w-3xl">
      <div className="grid gap-4 md:grid-cols-[14rem_1fr]" data-testid="template-picker">
        <div className="flex min-h-0 flex-col gap-2">
          <input
            autoFocus
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t("search")}
            aria-label={t("search")}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm max-md:min-h-11 max-md:text-base"
            data-testid="template-search"
          />
          <ul className="max-h-44 overflow-y-auto text-sm md:max-h-80">
            {templates === null && !error && <li className="px-2 py-1 text-slate-500">{commonText("loading")}</li>}
            {templates?.length === 0 && <li className="px-2 py-1 text-slate-500">{t("none")}</li>}
            {names.map((item) => {
              const first = templates!.find((t) => t.name === item)!;
              return (
                <li key={item}>
                  <button
                    onClick={() => choose(item)}
                    data-testid="template-option"
                    aria-pressed={item === name}
                    className={`w-full rounded px-2 py-1.5 text-left hover:bg-slate-100 max-md:min-h-11 ${item === name ? "bg-slate-100 font-semibold" : ""}`}
                  >
                    {item}
                    <span className="block text-[11px] font-normal text-slate-500">{categoryText(first.category)}</span>
                    <LanguageChips codes={codesOf(item)} customer={customer} />
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
        <div className="min-w-0 space-y-3 text-sm">
          {!template && <p className="text-slate-500">{t("chooseLeft")}</p>}
          {template && (
            <>
              <div className="flex flex-wrap items-center gap-2">
                <label className="text-xs text-slate-500" htmlFor="template-language">
                  {t("language")}
                </label>
                <select
                  id="template-language"
                  value={template.language}
                  onChange={(e) => {
                    setLanguage(e.target.value);
                    setConfirming(false);
                  }}
                  className="rounded border border-slate-200 bg-white px-1.5 py-1 text-xs max-md:min-h-11"
                  data-testid="template-language"
                >
                  {languages.map((t) => (
                    <option key={t.language} value={t.language}>
                      {optionLabel(t.language)}
                    </option>
                  ))}
                </select>
                <span className="ml-auto rounded bg-slate-100 px-1.5 py-0.5 text-[11px] text-slate-600">
                  {categoryText(template.category)}
                </span>
              </div>
              {customer && (
                <p className="text-xs text-slate-500" data-testid="customer-language">
                  {t(customer.guessed ? "customerLanguageGuessed" : "customerLanguage", {
                    language: languageName(customer.code, locale),
                    code: customer.code,
                  })}
                </p>
              )}
              {headerVars.map((v) => (
                <Field
                  key={`h${v}`}
                  label={t("headerVariable", { placeholder: `{{${v}}}` })}
                  value={values.header[v] ?? ""}
                  onChange={(text) => setValues({ ...values, header: { ...values.header, [v]: text } })}
                />
              ))}
              {headerMedia && (
                <Field
                  label={t("headerLink", { media: headerMedia })}
                  value={values.headerLink}
                  onChange={(text) => setValues({ ...values, headerLink: text })}
                />
              )}
              {bodyVars.map((v) => (
                <Field
                  key={`b${v}`}
                  label={`{{${v}}}`}
                  value={values.body[v] ?? ""}
                  onChange={(text) => setValues({ ...values, body: { ...values.body, [v]: text } })}
                  testId="template-variable"
                />
              ))}
              {urlButtons.map(({ button, index }) => (
                <Field
                  key={`u${index}`}
                  label={t("buttonLink", { button: button.text ?? "" })}
                  value={values.buttons[index] ?? ""}
                  onChange={(text) => setValues({ ...values, buttons: { ...values.buttons, [index]: text } })}
                  testId="template-button-variable"
                />
              ))}
              <TemplatePreview definition={definition} values={values} headerMedia={headerMedia} />
              <CostLine estimate={estimate} category={template.category} window={conversation.billingWindow.kind} />
              {mismatch && customer && (
                <LanguageWarning
                  customer={conversation.contact.displayName}
                  customerLanguage={customer}
                  templateLanguage={template.language}
                  confirming={confirming}
                />
              )}
              {error && (
                <p role="alert" className="rounded-md bg-red-50 px-3 py-1.5 text-red-700">
                  {error}
                </p>
              )}
              <div className="flex justify-end gap-2">
                <Button onClick={close}>{commonText("cancel")}</Button>
                <Button
                  tone={confirming ? "danger" : "primary"}
                  onClick={() => void send()}
                  disabled={sending}
                  data-testid="template-send"
                  data-confirming={confirming || undefined}
                >
                  {sending
                    ? t("sending")
                    : confirming
                      ? t("sendAnyway", { language: primaryLanguageName(template.language, locale) })
                      : t("send")}
                </Button>
              </div>
            </>
          )}
          {error && !template && (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-1.5 text-red-700">
              {error}
            </p>
          )}
        </div>
      </div>
    </Dialog>
  );
}
