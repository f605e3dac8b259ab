// The parts of the interface whose every user-facing string goes through the translation layer
// (next-intl, messages/<locale>.json). ESLint's i18next/no-literal-string rule checks these files
// (eslint.config.mjs), and tests/unit/i18n/literal-errors.test.ts checks the error sentences of the
// server folders below. Extend the lists as more of the interface is converted.

/** Pages, layouts and components: JSX text and user-facing attributes must come from messages. */
export const translatedComponents = [
  "app/layout.tsx",
  "app/(auth)/**/*.tsx",
  "app/(workspace)/layout.tsx",
  "app/(workspace)/account/**/*.tsx",
  "app/(workspace)/dashboard/**/*.tsx",
  "app/(workspace)/inbox/**/*.tsx",
  "app/(workspace)/settings/**/*.tsx",
  "app/simulator/**/*.tsx",
  "components/account/**/*.tsx",
  "components/audit/**/*.tsx",
  "components/auth/**/*.tsx",
  "components/channels/**/*.tsx",
  "components/dashboard/**/*.tsx",
  "components/i18n/**/*.tsx",
  "components/inbox/**/*.tsx",
  "components/settings/**/*.tsx",
  "components/simulator/**/*.tsx",
  "components/ui/**/*.tsx",
  "components/users/**/*.tsx",
  "components/whatsapp/**/*.tsx",
  "components/workspace/**/*.tsx",
];

/** Server folders whose AppError sentences are message keys (a Phrase), never literal English. */
export const translatedServerFolders = [
  "lib/audit",
  "lib/auth",
  "lib/billing",
  "lib/business-profile",
  "lib/channels",
  "lib/contacts",
  "lib/conversations",
  "lib/http",
  "lib/jobs",
  "lib/media",
  "lib/messenger",
  "lib/number-health",
  "lib/realtime",
  "lib/simulator",
  "lib/stats",
  "lib/users",
  "lib/webhooks",
  "lib/whatsapp",
];
