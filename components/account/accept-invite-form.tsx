"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/components/api/client";
import { FormError, SubmitButton, useLinkForm } from "./link-form";
import { inputClass, PasswordFields } from "./password-fields";

/** The invited person picks their name and password; the account is created and signed in. */
export function AcceptInviteForm({ token, email, suggestedName }: { token: string; email: string; suggestedName: string | null }) {
  const t = useTranslations("auth");
  const [name, setName] = useState(suggestedName ?? "");
  const { draft, setDraft, error, pending, submit } = useLinkForm({
    who: { email, name },
    redeem: async (password) => {
      await api.links.acceptInvite({ token, name, password });
      return email;
    },
    target: "/inbox",
  });

  return (
    <form
      onSubmit={submit}
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
      data-testid="accept-invite-form"
    >
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">{t("email")}</span>
        <input name="email" type="email" autoComplete="username" value={email} readOnly disabled className={inputClass} />
      </label>
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">{t("yourName")}</span>
        <input
          name="name"
          autoComplete="name"
          required
          autoFocus
          maxLength={80}
          value={name}
          onChange={(e) => setName(e.target.value)}
          className={inputClass}
        />
      </label>
      <PasswordFields draft={draft} onChange={setDraft} context={{ email, name }} label={t("choosePassword")} />
      <FormError message={error} />
      <SubmitButton pending={pending} idle={t("joinAndSignIn")} busy={t("joining")} />
    </form>
  );
}
