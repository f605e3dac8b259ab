"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useUpdateAccount } from "@/components/api/mutations";
import { themes, type Theme } from "@/lib/users/themes";

/** Light, dark or the device's choice: saved at once and applied to this page without a reload. */
export function ThemePicker({ theme }: { theme: Theme }) {
  const t = useTranslations("account");
  const router = useRouter();
  const [chosen, setChosen] = useState(theme);
  const [problem, setProblem] = useState<string | null>(null);
  const updateAccount = useUpdateAccount();

  async function choose(next: Theme) {
    const previous = chosen;
    setChosen(next);
    setProblem(null);
    applyTheme(next);
    try {
      await updateAccount.mutateAsync({ theme: next });
      router.refresh();
    } catch (caught) {
      setChosen(previous);
      applyTheme(previous);
      setProblem((caught as Error).message);
    }
  }

  return (
    <fieldset data-testid="theme-picker">
      <legend className="sr-only">{t("theme")}</legend>
      <div className="grid gap-2 sm:grid-cols-3">
        {themes.map((option) => (
          <label
            key={option}
            className="flex min-h-11 cursor-pointer items-start gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm has-checked:border-brand-500 has-checked:bg-brand-50"
          >
            <input
              type="radio"
              name="theme"
              value={option}
              checked={chosen === option}
              onChange={() => choose(option)}
              aria-labelledby={`theme-${option}`}
              aria-describedby={`theme-${option}-hint`}
              className="mt-1 accent-(--color-accent)"
            />
            <span>
              <span id={`theme-${option}`} className="block font-medium text-slate-800">
                {t(`themes.${option}.name`)}
              </span>
              <span id={`theme-${option}-hint`} className="block text-xs text-slate-500">
                {t(`themes.${option}.hint`)}
              </span>
            </span>
          </label>
        ))}
      </div>
      {problem && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {problem}
        </p>
      )}
    </fieldset>
  );
}

// The page's own attribute, so the choice shows at once; the refresh renders it from the server too.
function applyTheme(theme: Theme) {
  document.documentElement.setAttribute("data-theme", theme);
}
