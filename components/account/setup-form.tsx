"use client";

import { useState } from "react";
import { api } from "@/components/api/client";
import { draftProblem, inputClass, PasswordFields, type PasswordDraft } from "./password-fields";
import { signInNow } from "./sign-in-now";

/** The first admin's account, made with the setup link's token; then straight to inviting the team. */
export function SetupForm({ token }: { token: string }) {
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
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
      const account = await api.links.setup({ token, name, email, password: draft.password });
      await signInNow({ email: account.email, password: draft.password, target: "/settings/users" });
    } catch (caught) {
      setPending(false);
      setError((caught as Error).message);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="setup-form">
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">Your name</span>
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
        <span className="mb-1 block font-medium text-slate-700">Email</span>
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
      <SubmitButton pending={pending} idle="Create admin account" busy="Creating…" />
    </form>
  );
}

export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
      {message}
    </p>
  );
}

export function SubmitButton({ pending, idle, busy }: { pending: boolean; idle: string; busy: string }) {
  return (
    <button
      type="submit"
      disabled={pending}
      className="w-full rounded-md bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-60"
    >
      {pending ? busy : idle}
    </button>
  );
}
