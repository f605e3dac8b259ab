"use client";

import { useState } from "react";
import { api } from "@/components/api/client";
import { draftProblem, PasswordFields, type PasswordDraft } from "./password-fields";
import { FormError, SubmitButton } from "./setup-form";
import { signInNow } from "./sign-in-now";

/** A new password through a reset link; every other session ends and this browser is signed in. */
export function ResetPasswordForm({ token, email, name }: { token: string; email: string; name: string }) {
  const [draft, setDraft] = useState<PasswordDraft>({ password: "", confirm: "" });
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const problem = draftProblem(draft, { email, name });
    if (problem) return setError(problem);
    setPending(true);
    setError(null);
    try {
      await api.links.resetPassword({ token, password: draft.password });
      await signInNow({ email, password: draft.password, target: "/inbox" });
    } catch (caught) {
      setPending(false);
      setError((caught as Error).message);
    }
  }

  return (
    <form
      onSubmit={submit}
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
      data-testid="reset-password-form"
    >
      {/* For password managers: which account the new password belongs to. */}
      <input type="email" name="email" autoComplete="username" value={email} readOnly hidden />
      <PasswordFields draft={draft} onChange={setDraft} context={{ email, name }} label="New password" autoFocus />
      <FormError message={error} />
      <SubmitButton pending={pending} idle="Set password and sign in" busy="Saving…" />
    </form>
  );
}
