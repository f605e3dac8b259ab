"use client";

import type { TemplateDto } from "@/lib/conversations/list-templates";
import type { SendInput } from "@/lib/conversations/outbound-schema";
import { fillPlaceholders, type TemplateButtonDefinition, type TemplateComponentDefinition } from "@/lib/whatsapp/render-template";

// The template picker's pieces: the values an agent fills in, the send request they make, the
// preview as the customer will see it, and which language to offer first.

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
  const part = (type: string) => definition.find((c) => c.type.toUpperCase() === type);
  const header = part("HEADER");
  return (
    <div className="rounded-lg bg-wallpaper p-3">
      <div className="max-w-sm rounded-lg bg-white px-3 py-2 shadow-sm" data-testid="template-preview">
        {header?.format?.toUpperCase() === "TEXT" && <p className="font-semibold">{fillPlaceholders(header.text ?? "", values.header)}</p>}
        {headerMedia && <p className="mb-1 rounded bg-slate-100 px-2 py-4 text-center text-xs text-slate-500">{headerMedia}</p>}
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

/** The browser's language if the template has it, else English, else whatever it has first. */
export function preferredLanguage(available: string[]): string | null {
  const browser = typeof navigator === "undefined" ? "en_US" : navigator.language.replace("-", "_");
  return (
    available.find((code) => code === browser) ??
    available.find((code) => code.split("_")[0] === browser.split("_")[0]) ??
    available.find((code) => code.startsWith("en")) ??
    available[0] ??
    null
  );
}
