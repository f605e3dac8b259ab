"use client";

import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore } from "react";
import { useUpdateAccount } from "@/components/api/mutations";
import { Button } from "@/components/ui/button";
import { locales, type LocaleTag } from "@/lib/users/choices";
import type { AccountDto } from "@/lib/users/types";
import { inputClass } from "./password-fields";

/** Name, language and time zone. Language and zone are kept for the interface to use. */
export function ProfileForm({ account, timeZones }: { account: AccountDto; timeZones: string[] }) {
  const router = useRouter();
  const [name, setName] = useState(account.name);
  const [locale, setLocale] = useState(account.locale ?? "");
  const [timeZone, setTimeZone] = useState(account.timeZone ?? "");
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
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
      await updateAccount.mutateAsync({ name, locale: (locale || null) as LocaleTag | null, timeZone: timeZone || null });
      setStatus({ ok: true, text: "Saved." });
      router.refresh();
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
          <span className="mb-1 block font-medium text-slate-700">Name</span>
          <input
            name="name"
            autoComplete="name"
            required
            maxLength={80}
            value={name}
            onChange={(e) => setName(e.target.value)}
            className={inputClass}
          />
          <span className="mt-1 block text-xs text-slate-500">Teammates see it on assignments and notes.</span>
        </label>
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">Email</span>
          <input value={account.email} readOnly disabled className={inputClass} />
          <span className="mt-1 block text-xs text-slate-500">An admin can change who has access.</span>
        </label>
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">Language</span>
          <select name="locale" value={locale} onChange={(e) => setLocale(e.target.value)} className={inputClass}>
            <option value="">Follow my browser</option>
            {locales.map((option) => (
              <option key={option.tag} value={option.tag} lang={option.tag}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm">
          <span className="mb-1 block font-medium text-slate-700">Time zone</span>
          <select name="timeZone" value={timeZone} onChange={(e) => setTimeZone(e.target.value)} className={inputClass}>
            <option value="">Follow my browser{browserZone ? ` (${browserZone})` : ""}</option>
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
          {pending ? "Saving…" : "Save"}
        </Button>
        {status && (
          <span role={status.ok ? "status" : "alert"} className={`text-sm ${status.ok ? "text-emerald-700" : "text-red-700"}`}>
            {status.text}
          </span>
        )}
      </div>
    </form>
  );
}

const noSubscription = () => () => {};
