import { createRequire } from "node:module";
import type { AxeResults, ImpactValue } from "axe-core";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { inject } from "vitest";
import { signInCookie } from "../../scripts/lib/sign-in";

// axe-core, run inside the page: the script comes from node_modules (nothing is downloaded) and is
// added with Playwright's addScriptTag, so the page's Content-Security-Policy is bypassed in the
// contexts made here (and only there).

const axeScript = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

export type AxeViolation = { id: string; impact: ImpactValue | null; help: string; nodes: { target: string; summary: string }[] };

/** Runs every axe rule (WCAG 2.0–2.2 A/AA and best practices) on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: axeScript });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe;
    const results = await axe.run(document, { resultTypes: ["violations"] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target.join(" "), summary: node.failureSummary ?? "" })),
    }));
  });
}

/** What fails the check: serious and critical violations. */
export const blocking = (violations: AxeViolation[]) => violations.filter((v) => v.impact === "serious" || v.impact === "critical");

/** One line per violation and node, for a failure message a person can act on. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.slice(0, 5).map((node) => `${v.impact} ${v.id} (${v.help}) at ${node.target}: ${node.summary.replace(/\s+/g, " ")}`),
    )
    .join("\n");
}

/** A context signed in as `email` (through next-auth, as the login page does) that axe can be added to. */
export async function signedInContext(
  browser: Browser,
  email: string | null,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const baseURL = inject("baseUrl");
  const context = await browser.newContext({ baseURL, bypassCSP: true, viewport: { width: 1360, height: 900 }, ...options });
  if (email) {
    const cookie = await signInCookie(baseURL, email);
    await context.addCookies(
      cookie.split("; ").map((pair) => {
        const index = pair.indexOf("=");
        return { name: pair.slice(0, index), value: pair.slice(index + 1), url: baseURL };
      }),
    );
  }
  return context;
}
