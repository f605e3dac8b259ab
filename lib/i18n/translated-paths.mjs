// The parts of the interface whose every user-facing string goes through the translation layer
// (next-intl, messages/<locale>.json): all of it. ESLint's i18next/no-literal-string rule checks these
// files (eslint.config.mjs), and tests/unit/i18n/literal-errors.test.ts checks the error sentences of
// the server folders below.

/** Every page, layout and component: JSX text and user-facing attributes must come from messages. */
export const translatedComponents = ["app/**/*.tsx", "components/**/*.tsx"];

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
