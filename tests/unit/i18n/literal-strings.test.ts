import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The lint rule that keeps literal text out of the translated parts of the interface
// (lib/i18n/translated-paths.mjs) fires on what a person would read, and not on translated text.

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(code: string, filePath = "components/users/example.tsx"): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((message) => message.ruleId === "i18next/no-literal-string").map((message) => message.message);
}

describe("i18next/no-literal-string", () => {
  it("flags JSX text and readable attributes in a translated folder", async () => {
    const found = await problems(`export function Example() {
  return <button aria-label="Close the dialog" title="Close">Close now</button>;
}
`);
    expect(found).toHaveLength(3);
  }, 30_000);

  it("lets translated text, test ids, class names and symbols through", async () => {
    const found = await problems(`import { useTranslations } from "next-intl";
export function Example({ count }: { count: number }) {
  const t = useTranslations("users");
  return (
    <button type="button" className="rounded px-2" data-testid="close" aria-label={t("name")}>
      {t("done")} · {count} →
    </button>
  );
}
`);
    expect(found).toEqual([]);
  }, 30_000);

  it("guards every component, and leaves code outside the interface alone", async () => {
    const example = `export const Example = () => <p>Hello there</p>;\n`;
    expect(await problems(example, "components/anything-new/example.tsx")).toHaveLength(1);
    expect(await problems(example, "scripts/example.tsx")).toEqual([]);
  }, 30_000);
});
