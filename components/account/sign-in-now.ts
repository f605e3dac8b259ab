"use client";

import { signIn } from "next-auth/react";

/**
 * Signs the browser in with the password the person has just chosen, through the same audited
 * credentials sign-in as the login page, then opens `target`. Should that fail (the account's
 * sign-ins are throttled, say), the login page takes over.
 */
export async function signInNow({ email, password, target }: { email: string; password: string; target: string }): Promise<void> {
  const result = await signIn("credentials", { email, password, redirect: false });
  window.location.assign(result?.ok && !result.error ? target : `/login?callbackUrl=${encodeURIComponent(target)}`);
}
