// ESLint: Next's rules (with React hooks and core web vitals) and typescript-eslint's, for every
// TypeScript file. A rule turned off for a line says why, next to it.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypeScript from "eslint-config-next/typescript";

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
