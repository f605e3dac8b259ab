"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useChangePassword } from "@/components/api/mutations";
import { Button } from "@/components/ui/button";
import { draftProblem, inputClass, PasswordFields, type PasswordDraft } from "./password-fields";

/**
 * Changing the password ends every session, this browser's too. Right after, this browser signs in
 * again with the new password (the same audited sign-in as the login page), so the person stays
 * where they are while their other devices are signed out.
 */
export function ChangePasswordForm({ email, name }: { email: string; name: string }) {
  const t = useTranslations("account");
  const say = useTranslations();
  const router = useRouter();
  const [current, setCurrent] = useState("");
  const [draft, setDraft] = useState<PasswordDraft>({ password: "", confirm: "" });
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  // Pending also covers signing in again afterwards, so it is kept here rather than read from the mutation.
  const [pending, setPending] = useState(false);
  const changePassword = useChangePassword();

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const problem = draftProblem(draft, { email, name });
    if (problem) return setStatus({ ok: false, text: say(problem.key, problem.values) });
    setPending(true);
    setStatus(null);
    try {
      await changePassword.mutateAsync({ currentPassword: current, newPassword: draft.password });
    } catch (caught) {
      setPending(false);
      return setStatus({ ok: false, text: (caught as Error).message });
    }
    const again = await signIn("credentials", { email, password: draft.password, redirect: false });
    // A full load, not a client navigation: the old session is over, so no client state may survive.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- see above
    if (!again?.ok || again.error) return window.location.assign("/login?callbackUrl=/account");
    setCurrent("");
    setDraft({ password: "", confirm: "" });
    setPending(false);
    setStatus({ ok: true, text: t("passwordChanged") });
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="max-w-sm space-y-4" data-testid="change-password-form">
      <input type="email" name="email" autoComplete="username" value={email} readOnly hidden />
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">{t("currentPassword")}</span>
        <input
          name="current-password"
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          className={inputClass}
        />
      </label>
      <PasswordFields draft={draft} onChange={setDraft} context={{ email, name }} label={t("newPassword")} />
      {status && (
        <p
          role={status.ok ? "status" : "alert"}
          className={`rounded-md px-3 py-2 text-sm ${status.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-700"}`}
        >
          {status.text}
        </p>
      )}
      <Button type="submit" tone="primary" disabled={pending}>
        {pending ? t("changing") : t("changePassword")}
      </Button>
    </form>
  );
}
