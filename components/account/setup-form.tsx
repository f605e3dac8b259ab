"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/components/api/client";
import { FormError, SubmitButton, useLinkForm } from "./link-form";
import { inputClass, PasswordFields } from "./password-fields";

/** The first admin's account, made with the setup link's token; then straight to inviting the team. */
export function SetupForm({ token }: { token: string }) {
  const t = useTranslations("auth");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const { draft, setDraft, error, pending, submit } = useLinkForm({
    who: { email, name },
    redeem: async (password) => (await api.links.setup({ token, name, email, password })).email,
    target: "/settings/users",
  });

  return (
    <form onSubmit={submit} className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="setup-form">
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
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">{t("email")}</span>
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          className={inputClass}
        />
      </label>
      <PasswordFields draft={draft} onChange={setDraft} context={{ email, name }} />
      <FormError message={error} />
      <SubmitButton pending={pending} idle={t("createAdmin")} busy={t("creating")} />
    </form>
  );
}
