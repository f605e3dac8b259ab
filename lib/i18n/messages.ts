import bn from "@/messages/bn.json";
import en from "@/messages/en.json";
import hi from "@/messages/hi.json";
import te from "@/messages/te.json";
import tl from "@/messages/tl.json";
import type { Locale } from "./locales";

// Every message, in the repository: messages/<locale>.json, one top-level key per feature
// (namespace). English is the source; tests/unit/i18n-messages.test.ts fails when another language
// lacks a key or names other placeholders.

export type Messages = typeof en;
export type Namespace = keyof Messages;

export const allMessages: Record<Locale, Messages> = { en, hi, bn, te, tl };

/** Rendered on the server only (e-mails, API error sentences, statistics labels): never sent to the browser. */
const serverOnly = new Set<Namespace>(["email", "errors", "stats"]);

/** What the browser's provider needs: every namespace a client component reads. */
export function clientMessages(locale: Locale): Partial<Messages> {
  const messages = allMessages[locale];
  return Object.fromEntries(Object.entries(messages).filter(([namespace]) => !serverOnly.has(namespace as Namespace)));
}
