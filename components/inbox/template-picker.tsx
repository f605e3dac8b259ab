"use client";

import { useEffect, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { estimateTemplateCost, type Rate } from "@/lib/billing/estimate-cost";
import type { TemplateDto } from "@/lib/inbox/list-templates";
import type { SendInput } from "@/lib/inbox/outbound-schema";
import type { ConversationDto } from "@/lib/inbox/types";
import { fillPlaceholders, placeholders, type TemplateComponentDefinition } from "@/lib/whatsapp/render-template";
import { workspaceApi } from "./workspace-api";

type Values = { header: Record<string, string>; body: Record<string, string>; headerLink: string; buttons: Record<number, string> };

const empty: Values = { header: {}, body: {}, headerLink: "", buttons: {} };

/** Pick an approved template, fill its variables, see it as the customer will and what it costs. */
export function TemplatePicker({
  open,
  onClose,
  conversation,
  onSend,
}: {
  open: boolean;
  onClose: () => void;
  conversation: ConversationDto;
  onSend: (input: SendInput) => Promise<void>;
}) {
  const [templates, setTemplates] = useState<TemplateDto[] | null>(null);
  const [rates, setRates] = useState<Rate[]>([]);
  const [query, setQuery] = useState("");
  const [name, setName] = useState<string | null>(null);
  const [language, setLanguage] = useState<string | null>(null);
  const [values, setValues] = useState<Values>(empty);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    if (!open || templates) return;
    void workspaceApi
      .templates()
      .then((r) => setTemplates(r.items.filter((t) => t.channelId === conversation.channelId)))
      .catch((e) => setError((e as Error).message));
    void workspaceApi
      .rates()
      .then((r) => setRates(r.items))
      .catch(() => undefined);
  }, [open, templates, conversation.channelId]);

  const names = useMemo(() => {
    const unique = [...new Set((templates ?? []).map((t) => t.name))];
    return unique.filter((n) => n.toLowerCase().includes(query.toLowerCase()));
  }, [templates, query]);
  const languages = (templates ?? []).filter((t) => t.name === name);
  const template = languages.find((t) => t.language === language) ?? languages[0] ?? null;
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

  function choose(next: string) {
    setName(next);
    setLanguage(preferredLanguage((templates ?? []).filter((t) => t.name === next).map((t) => t.language)));
    setValues(empty);
    setError(null);
  }

  async function send() {
    if (!template) return;
    const positional = bodyVars.every((v) => /^\d+$/.test(v));
    const input: SendInput = {
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
          ...(urlButtons.some(({ index }) => values.buttons[index]?.trim())
            ? {
                buttons: urlButtons
                  .filter(({ index }) => values.buttons[index]?.trim())
                  .map(({ index }) => ({ index, text: values.buttons[index].trim() })),
              }
            : {}),
        },
      },
    };
    setSending(true);
    setError(null);
    try {
      await onSend(input);
      onClose();
      setName(null);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setSending(false);
    }
  }

  return (
    <Dialog open={open} onClose={onClose} title="Send a template" width="max-w-3xl">
      <div className="grid grid-cols-[14rem_1fr] gap-4" data-testid="template-picker">
        <div className="flex min-h-0 flex-col gap-2">
          <input
            autoFocus
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Search templates"
            className="rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            data-testid="template-search"
          />
          <ul className="max-h-80 overflow-y-auto text-sm">
            {templates === null && !error && <li className="px-2 py-1 text-slate-400">Loading…</li>}
            {templates?.length === 0 && (
              <li className="px-2 py-1 text-slate-500">No approved templates. An admin can sync them from Meta.</li>
            )}
            {names.map((item) => {
              const first = templates!.find((t) => t.name === item)!;
              return (
                <li key={item}>
                  <button
                    onClick={() => choose(item)}
                    data-testid="template-option"
                    className={`w-full rounded px-2 py-1.5 text-left hover:bg-slate-100 ${item === name ? "bg-slate-100 font-semibold" : ""}`}
                  >
                    {item}
                    <span className="block text-[11px] font-normal text-slate-500">{first.category.toLowerCase()}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
        <div className="min-w-0 space-y-3 text-sm">
          {!template && <p className="text-slate-500">Choose a template on the left.</p>}
          {template && (
            <>
              <div className="flex items-center gap-2">
                <label className="text-xs text-slate-500" htmlFor="template-language">
                  Language
                </label>
                <select
                  id="template-language"
                  value={template.language}
                  onChange={(e) => setLanguage(e.target.value)}
                  className="rounded border border-slate-200 px-1.5 py-1 text-xs"
                >
                  {languages.map((t) => (
                    <option key={t.language} value={t.language}>
                      {t.language}
                    </option>
                  ))}
                </select>
                <span className="ml-auto rounded bg-slate-100 px-1.5 py-0.5 text-[11px] text-slate-600">
                  {template.category.toLowerCase()}
                </span>
              </div>
              {headerVars.map((v) => (
                <Field
                  key={`h${v}`}
                  label={`Header {{${v}}}`}
                  value={values.header[v] ?? ""}
                  onChange={(text) => setValues({ ...values, header: { ...values.header, [v]: text } })}
                />
              ))}
              {headerMedia && (
                <Field
                  label={`Header ${headerMedia} link (https://…)`}
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
                  label={`“${button.text}” link ending`}
                  value={values.buttons[index] ?? ""}
                  onChange={(text) => setValues({ ...values, buttons: { ...values.buttons, [index]: text } })}
                  testId="template-button-variable"
                />
              ))}
              <div className="rounded-lg bg-[#efeae2] p-3">
                <div className="max-w-sm rounded-lg bg-white px-3 py-2 shadow-sm" data-testid="template-preview">
                  {header?.format?.toUpperCase() === "TEXT" && (
                    <p className="font-semibold">{fillPlaceholders(header.text ?? "", values.header)}</p>
                  )}
                  {headerMedia && <p className="mb-1 rounded bg-slate-100 px-2 py-4 text-center text-xs text-slate-500">{headerMedia}</p>}
                  <p className="whitespace-pre-wrap">{fillPlaceholders(bodyText, values.body)}</p>
                  {part("FOOTER")?.text && <p className="mt-1 text-xs text-slate-500">{part("FOOTER")?.text}</p>}
                  {(part("BUTTONS")?.buttons ?? []).map((button, index) => (
                    <p key={index} className="mt-1 border-t border-slate-100 pt-1 text-center text-sky-700">
                      {button.text}
                    </p>
                  ))}
                </div>
              </div>
              <p className="text-xs text-slate-600" data-testid="template-cost">
                {estimate
                  ? estimate.free
                    ? estimate.reason
                    : `Estimated cost: ${estimate.price.toFixed(4)} ${estimate.currency} (${estimate.reason}, from your rate card)`
                  : "No rate for this category in your rate card: an admin can add it under Settings."}
              </p>
              {error && (
                <p role="alert" className="rounded-md bg-red-50 px-3 py-1.5 text-red-700">
                  {error}
                </p>
              )}
              <div className="flex justify-end gap-2">
                <Button onClick={onClose}>Cancel</Button>
                <Button tone="primary" onClick={() => void send()} disabled={sending} data-testid="template-send">
                  {sending ? "Sending…" : "Send template"}
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

function Field({ label, value, onChange, testId }: { label: string; value: string; onChange: (value: string) => void; testId?: string }) {
  return (
    <label className="block">
      <span className="mb-0.5 block text-xs text-slate-500">{label}</span>
      <input
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
        className="w-full rounded-md border border-slate-300 px-2 py-1 text-sm outline-none focus:border-brand-500"
      />
    </label>
  );
}

/** The browser's language if the template has it, else English, else whatever it has first. */
function preferredLanguage(available: string[]): string | null {
  const browser = typeof navigator === "undefined" ? "en_US" : navigator.language.replace("-", "_");
  return (
    available.find((code) => code === browser) ??
    available.find((code) => code.split("_")[0] === browser.split("_")[0]) ??
    available.find((code) => code.startsWith("en")) ??
    available[0] ??
    null
  );
}
