"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { MIN_PASSWORD_LENGTH, passwordProblem } from "@/lib/auth/password-policy";
import { phrase, type Phrase } from "@/lib/i18n/phrase";

// A new password typed twice, with the rules shown and ticked off as the user types. The rules are
// passwordProblem() itself, the same function the server applies, so the two never disagree.

export type PasswordDraft = { password: string; confirm: string };

/** Why the draft can't be sent yet, or null when it can. */
export function draftProblem(draft: PasswordDraft, context: { email?: string; name?: string }): Phrase | null {
  const problem = passwordProblem(draft.password, context);
  if (problem) return problem;
  if (draft.password !== draft.confirm) return phrase("password.mismatch");
  return null;
}

export function PasswordFields({
  draft,
  onChange,
  context,
  label,
  autoFocus = false,
}: {
  draft: PasswordDraft;
  onChange: (draft: PasswordDraft) => void;
  context: { email?: string; name?: string };
  label?: string;
  autoFocus?: boolean;
}) {
  const t = useTranslations("password");
  const say = useTranslations();
  const rulesId = useId();
  const problem = passwordProblem(draft.password, context);
  const rules = [
    { ok: draft.password.length >= MIN_PASSWORD_LENGTH, text: t("ruleLength", { min: MIN_PASSWORD_LENGTH }) },
    { ok: draft.password.length >= MIN_PASSWORD_LENGTH && problem === null, text: t("ruleHard") },
    { ok: draft.password.length > 0 && draft.password === draft.confirm, text: t("ruleSame") },
  ];
  return (
    <div className="space-y-3">
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">{label ?? t("password")}</span>
        <input
          name="new-password"
          type="password"
          autoComplete="new-password"
          required
          autoFocus={autoFocus}
          aria-describedby={rulesId}
          value={draft.password}
          onChange={(event) => onChange({ ...draft, password: event.target.value })}
          className={inputClass}
        />
      </label>
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">{t("typeAgain")}</span>
        <input
          name="confirm-password"
          type="password"
          autoComplete="new-password"
          required
          value={draft.confirm}
          onChange={(event) => onChange({ ...draft, confirm: event.target.value })}
          className={inputClass}
        />
      </label>
      <ul id={rulesId} className="space-y-1 text-xs" data-testid="password-rules">
        {rules.map((rule) => (
          <li key={rule.text} className={`flex items-start gap-1.5 ${rule.ok ? "text-emerald-700" : "text-slate-500"}`} data-ok={rule.ok}>
            <span aria-hidden className="w-3 shrink-0 text-center">
              {rule.ok ? "✓" : "·"}
            </span>
            <span>
              {rule.text}
              <span className="sr-only">{rule.ok ? t("done") : t("notYet")}</span>
            </span>
          </li>
        ))}
      </ul>
      {draft.password.length >= MIN_PASSWORD_LENGTH && problem && (
        <p className="text-xs text-amber-700" aria-live="polite">
          {say(problem.key, problem.values)}
        </p>
      )}
    </div>
  );
}

export const inputClass =
  "w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-500 disabled:bg-slate-50 disabled:text-slate-500";
