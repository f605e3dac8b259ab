// ESLint: Next's rules (with React hooks and core web vitals) and typescript-eslint's, for every
// TypeScript file. A rule turned off for a line says why, next to it.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";
import i18next from "eslint-plugin-i18next";
import { translatedComponents } from "./lib/i18n/translated-paths.mjs";

const config = [
  ...nextVitals,
  ...nextTypeScript,
  {
    rules: {
      // Unused names are mistakes, except an argument a signature requires (prefix it with _).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: "Read settings through config() from lib/config; only that module reads process.env.",
        },
      ],
    },
  },
  {
    // The configuration module itself, and tooling that runs outside the app.
    files: ["lib/config/**", "scripts/**", "tests/**", "next.config.js", "prisma.config.ts", "vitest.config.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    // Module augmentation (next-auth's session types, vitest's provided context) only merges into
    // an interface, so these files keep theirs.
    files: ["**/*.d.ts", "tests/support/stack.ts"],
    rules: { "@typescript-eslint/consistent-type-definitions": "off" },
  },
  {
    // Every string a person reads goes through the translation layer: JSX text and the attributes
    // people read or hear (labels, titles, placeholders, alt text, and our components' text props).
    files: translatedComponents,
    plugins: { i18next },
    rules: {
      "i18next/no-literal-string": [
        "error",
        {
          mode: "jsx-only",
          "jsx-attributes": {
            include: [
              "aria-label",
              "aria-description",
              "aria-valuetext",
              "title",
              "placeholder",
              "alt",
              "label",
              "legend",
              "empty",
              "confirm",
              "idle",
              "busy",
              "note",
              "intro",
              "message",
              "heading",
              "hint",
              "description",
              "text",
            ],
          },
          // Punctuation, symbols, numbers, constants and the product's own name are the same in every
          // language.
          words: { exclude: [/^[^\p{L}]*$/u, "[A-Z_-]+", "Switchboard", "WhatsApp"] },
          // Keys and values handed to the translators, permission names, and formatting calls.
          callees: {
            exclude: [
              "t",
              "t\\.(rich|markup|has)",
              "say",
              "\\w+Text",
              "can",
              "field",
              "format\\.\\w+",
              "dates\\.\\w+",
              "includes",
              "startsWith",
              "endsWith",
            ],
          },
          message: "Put user-facing text in messages/<locale>.json and render it with useTranslations/getTranslations.",
        },
      ],
    },
  },
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "lib/db/generated/**",
      "node_modules/**",
      ".data/**",
      "test-results/**",
      "bench-results/**",
      "next-env.d.ts",
    ],
  },
];

export default config;
