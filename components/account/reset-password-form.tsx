"use client";

import { useTranslations } from "next-intl";
import { api } from "@/components/api/client";
import { FormError, SubmitButton, useLinkForm } from "./link-form";
import { PasswordFields } from "./password-fields";

/** A new password through a reset link; every other session ends and this browser is signed in. */
export function ResetPasswordForm({ token, email, name }: { token: string; email: string; name: string }) {
  const t = useTranslations("auth");
  const { draft, setDraft, error, pending, submit } = useLinkForm({
    who: { email, name },
    redeem: async (password) => {
      await api.links.resetPassword({ token, password });
      return email;
    },
    target: "/inbox",
  });

  return (
    <form
      onSubmit={submit}
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
      data-testid="reset-password-form"
    >
      {/* For password managers: which account the new password belongs to. */}
      <input type="email" name="email" autoComplete="username" value={email} readOnly hidden />
      <PasswordFields draft={draft} onChange={setDraft} context={{ email, name }} label={t("newPassword")} autoFocus />
      <FormError message={error} />
      <SubmitButton pending={pending} idle={t("setPasswordAndSignIn")} busy={t("saving")} />
    </form>
  );
}
