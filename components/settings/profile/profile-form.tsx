"use client";

import { useFormatter, useTranslations } from "next-intl";
import { profileLimits, verticals } from "@/lib/business-profile/profile-schema";

// The profile's fields with live character counts; a problem shows under its field.

export type ProfileDraft = {
  about: string;
  description: string;
  address: string;
  email: string;
  websites: [string, string];
  vertical: string;
};

const SCHEME = "https://";
const input = "w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm disabled:bg-slate-50";

export function ProfileForm({
  draft,
  onChange,
  problems,
  disabled,
  verticalLocked,
}: {
  draft: ProfileDraft;
  onChange: (draft: ProfileDraft) => void;
  problems: Record<string, string>;
  disabled: boolean;
  verticalLocked: boolean;
}) {
  const t = useTranslations("profile");
  const set = (field: keyof ProfileDraft, value: string) => onChange({ ...draft, [field]: value });
  const website = (index: 0 | 1, value: string) =>
    onChange({ ...draft, websites: (index === 0 ? [value, draft.websites[1]] : [draft.websites[0], value]) as [string, string] });

  return (
    <div className="space-y-3">
      <Field
        label={t("field", { field: "about" })}
        name="about"
        count={draft.about.length}
        max={profileLimits.about}
        problem={problems.about}
      >
        <input id="about" className={input} value={draft.about} disabled={disabled} onChange={(e) => set("about", e.target.value)} />
      </Field>
      <Field
        label={t("field", { field: "description" })}
        name="description"
        count={draft.description.length}
        max={profileLimits.description}
        problem={problems.description}
      >
        <textarea
          id="description"
          rows={4}
          className={input}
          value={draft.description}
          disabled={disabled}
          onChange={(e) => set("description", e.target.value)}
        />
      </Field>
      <Field
        label={t("field", { field: "address" })}
        name="address"
        count={draft.address.length}
        max={profileLimits.address}
        problem={problems.address}
      >
        <input id="address" className={input} value={draft.address} disabled={disabled} onChange={(e) => set("address", e.target.value)} />
      </Field>
      <Field
        label={t("field", { field: "email" })}
        name="email"
        count={draft.email.length}
        max={profileLimits.email}
        problem={problems.email}
      >
        <input
          id="email"
          type="email"
          className={input}
          value={draft.email}
          disabled={disabled}
          onChange={(e) => set("email", e.target.value)}
        />
      </Field>
      {([0, 1] as const).map((index) => (
        <Field
          key={index}
          label={t("website", { number: index + 1 })}
          name={`website-${index + 1}`}
          count={draft.websites[index].length}
          max={profileLimits.website}
          problem={index === 0 ? problems.websites : undefined}
        >
          <input
            id={`website-${index + 1}`}
            className={input}
            placeholder={SCHEME}
            value={draft.websites[index]}
            disabled={disabled}
            onChange={(e) => website(index, e.target.value)}
          />
        </Field>
      ))}
      <Field label={t("field", { field: "vertical" })} name="vertical" problem={problems.vertical}>
        <select
          id="vertical"
          className={input}
          value={draft.vertical}
          disabled={disabled}
          onChange={(e) => set("vertical", e.target.value)}
        >
          {!verticalLocked && <option value="">{t("notSet")}</option>}
          {verticals.map((vertical) => (
            <option key={vertical} value={vertical}>
              {t("vertical", { vertical })}
            </option>
          ))}
        </select>
        {verticalLocked && <span className="text-xs text-slate-500">{t("verticalLocked")}</span>}
      </Field>
    </div>
  );
}

function Field({
  label,
  name,
  count,
  max,
  problem,
  children,
}: {
  label: string;
  name: string;
  count?: number;
  max?: number;
  problem?: string;
  children: React.ReactNode;
}) {
  const format = useFormatter();
  const over = count !== undefined && max !== undefined && count > max;
  return (
    <div className="space-y-1">
      <div className="flex items-baseline justify-between text-sm">
        <label htmlFor={name} className="font-medium text-slate-700">
          {label}
        </label>
        {max !== undefined && (
          <span className={`text-xs tabular-nums ${over ? "font-semibold text-red-700" : "text-slate-500"}`} data-testid={`count-${name}`}>
            {format.number(count ?? 0)} / {format.number(max)}
          </span>
        )}
      </div>
      {children}
      {problem && (
        <p className="text-xs text-red-700" role="alert" data-testid={`problem-${name}`}>
          {problem}
        </p>
      )}
    </div>
  );
}
