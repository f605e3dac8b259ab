"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore } from "react";
import { useUpdateAccount } from "@/components/api/mutations";
import { Button } from "@/components/ui/button";
import { localeNames, locales, type Locale } from "@/lib/i18n/locales";
import type { AccountDto } from "@/lib/users/types";
import { inputClass } from "./password-fields";

/**
 * Name, language and time zone. A new language or zone applies at once: the server re-renders the
 * page in place (router.refresh keeps what is open and typed) and cached answers are fetched again.
 */
export function ProfileForm({ account, timeZones }: { account: AccountDto; timeZones: string[] }) {
  const t = useTranslations("account");
  const router = useRouter();
  const queryClient = useQueryClient();
  const [name, setName] = useState(account.name);
  const [locale, setLocale] = useState(account.locale ?? "");
  const [timeZone, setTimeZone] = useState(account.timeZone ?? "");
  // "Saved" is worded when shown, so it reads in the language just chosen.
  const [status, setStatus] = useState<{ ok: true } | { ok: false; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const updateAccount = useUpdateAccount();
  // What "follow my browser" means here; the server, which can't know, renders it without a zone.
  const browserZone = useSyncExternalStore(
    noSubscription,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => "",
  );

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setStatus(null);
    try {
      await updateAccount.mutateAsync({ name, locale: (locale || null) as Locale | null, timeZone: timeZone || null });
      setStatus({ ok: true });
      router.refresh();
      // The API's sentences (error guides, labels) are rendered in the reader's language.
      await queryClient.invalidateQueries();
    } catch (caught) {
      setStatus({ ok: false, text: (caught as Error).message });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4" data-testid="profile-form">
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("name")}</span>
          <input
            name="name"
            autoComplete="name"
            required
            maxLength={80}
            value={name}
            onChange={(e) => setName(e.target.value)}
            className={inputClass}
          />
          <span className="mt-1 block text-xs text-slate-500">{t("nameHint")}</span>
        </label>
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("email")}</span>
          <input value={account.email} readOnly disabled className={inputClass} />
          <span className="mt-1 block text-xs text-slate-500">{t("emailHint")}</span>
        </label>
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("language")}</span>
          <select name="locale" value={locale} onChange={(e) => setLocale(e.target.value)} className={inputClass}>
            <option value="">{t("followBrowser")}</option>
            {locales.map((tag) => (
              <option key={tag} value={tag} lang={tag}>
                {localeNames[tag]}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">{t("timeZone")}</span>
          <select name="timeZone" value={timeZone} onChange={(e) => setTimeZone(e.target.value)} className={inputClass}>
            <option value="">{browserZone ? t("followBrowserZone", { zone: browserZone }) : t("followBrowser")}</option>
            {timeZones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll("_", " ")}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" tone="primary" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
        {status && (
          <span role={status.ok ? "status" : "alert"} className={`text-sm ${status.ok ? "text-emerald-700" : "text-red-700"}`}>
            {status.ok ? t("saved") : status.text}
          </span>
        )}
      </div>
    </form>
  );
}

const noSubscription = () => () => {};
