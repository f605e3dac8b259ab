import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";

// The Content-Security-Policy in a real browser: every page Switchboard has loads, hydrates and
// talks to its server without a single violation, and a crafted callbackUrl never leads off-site.

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A context that records every CSP violation its pages report, from events and the console. */
async function watchedContext(): Promise<{ context: BrowserContext; violations: string[] }> {
  const violations: string[] = [];
  const context = await browser.newContext({ baseURL: inject("baseUrl"), viewport: { width: 1360, height: 820 } });
  await context.exposeFunction("reportViolation", (text: string) => violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
        `${event.violatedDirective} ${event.blockedURI} ${location.pathname}`,
      );
    });
  });
  context.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return { context, violations };
}

describe("Content-Security-Policy in the browser", () => {
  it("signs in past a crafted callbackUrl to the inbox, and no page reports a violation", async () => {
    const { context, violations } = await watchedContext();
    const page = await context.newPage();
    await page.goto("/login?callbackUrl=%2F%2Fevil.example");
    await page.getByLabel("Email").fill("admin@example.com");
    await page.getByLabel("Password").fill("switchboard");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/inbox");
    expect(new URL(page.url()).origin).toBe(inject("baseUrl"));

    // The socket connects (connect-src) and a conversation opens (scripts loaded by 'strict-dynamic').
    await expect.poll(() => page.getByTestId("live-indicator").getAttribute("data-connected")).toBe("true");
    await page.getByTestId("conversation-item").first().click();
    await page.getByTestId("composer").or(page.getByTestId("composer-locked")).first().waitFor();

    for (const path of [
      "/settings/assignment",
      "/settings/flows",
      "/settings/rate-card",
      "/settings/webhooks",
      "/settings/users",
      "/settings/audit",
      "/account",
      // The dashboard's charts (recharts draws SVG with inline styles) and its socket.
      "/dashboard",
      "/dashboard?tab=failures",
    ]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
    }
    // Client-side navigation back through the header's link.
    await page.getByRole("link", { name: "Inbox" }).click();
    await page.waitForURL("**/inbox");

    const phone = await context.newPage();
    await phone.goto("/simulator");
    await phone.getByTestId("sim-text").fill("Checking the policy");
    await phone.getByRole("button", { name: "Send" }).click();
    await phone.locator("[data-testid=sim-message]").filter({ hasText: "Checking the policy" }).waitFor();

    await page.goto("/no-such-page");
    await page.waitForLoadState("networkidle");
    expect(violations).toEqual([]);
    await context.close();
  });
});
