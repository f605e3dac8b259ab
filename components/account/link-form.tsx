"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { draftProblem, type PasswordDraft } from "./password-fields";
import { signInNow } from "./sign-in-now";

// What the single-use-link forms (setup, invitation, password reset) share: the password rules are
// checked before anything is sent, the link is used, and the browser signs in with the password just
// chosen; a refusal is shown in the server's words.

export function useLinkForm({
  who,
  redeem,
  target,
}: {
  /** Whose password it is, so it may not be built from their name or e-mail. */
  who: { email: string; name: string };
  /** Uses the link; returns the e-mail to sign in with. */
  redeem: (password: string) => Promise<string>;
  target: string;
}) {
  const say = useTranslations();
  const [draft, setDraft] = useState<PasswordDraft>({ password: "", confirm: "" });
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const problem = draftProblem(draft, who);
    if (problem) return setError(say(problem.key, problem.values));
    setPending(true);
    setError(null);
    try {
      const email = await redeem(draft.password);
      await signInNow({ email, password: draft.password, target });
    } catch (caught) {
      setPending(false);
      setError((caught as Error).message);
    }
  }

  return { draft, setDraft, error, pending, submit };
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
      className="w-full rounded-md bg-accent px-3 py-2 text-sm font-semibold text-on-accent hover:bg-accent-hover focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-60"
    >
      {pending ? busy : idle}
    </button>
  );
}
