import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { AccountDto } from "@/lib/users/types";
import { signedInContext } from "../support/axe";
import { launchBrowser, screenshot } from "../support/browser";
import { signIn } from "../support/http";

// The README's dark screenshots: the inbox on a phone (390 × 844) and the dashboard on a desktop.
// SCREENSHOT_LOCALE=hi (or bn, te, tl) takes them in that language: the people's language is set for
// the run and the browser asks for it too; the files get the locale as a suffix.

const locale = process.env.SCREENSHOT_LOCALE ?? "en";
const suffix = locale === "en" ? "" : `-${locale}`;
let browser: Browser;
const restore: { email: string; account: AccountDto }[] = [];

async function prefer(email: string) {
  const session = await signIn(email);
  const account = (await (await session.fetch("/api/account")).json()) as AccountDto;
  restore.push({ email, account });
  const changes = { theme: "dark", ...(locale === "en" ? {} : { locale }) };
  expect((await session.fetch("/api/account", { method: "PATCH", body: JSON.stringify(changes) })).status).toBe(200);
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const { email, account } of restore) {
    await (
      await signIn(email)
    ).fetch("/api/account", {
      method: "PATCH",
      body: JSON.stringify({ theme: account.theme, locale: account.locale }),
    });
  }
  await browser?.close();
});

describe("dark screenshots", () => {
  it("the inbox on a phone", async () => {
    await prefer("agent@example.com");
    const waId = `4915${String(Date.now()).slice(-7)}7`;
    const write = (text: string) =>
      fetch(`${inject("baseUrl")}/api/simulator/customers/${waId}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "Priya Sharma", text }),
      });
    expect((await write("Hi! Is the blue kurta still available in size M?")).status).toBe(201);

    const context = await signedInContext(browser, "agent@example.com", {
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale,
    });
    const page = await context.newPage();
    await page.goto("/inbox");
    const item = page.locator(`[data-testid=conversation-item][data-contact="${waId}"]`);
    await item.waitFor({ timeout: 15_000 });
    await item.tap();
    await page.getByTestId("thread-title").waitFor();
    await page.getByTestId("composer").fill("Yes, it is! Shall I keep one for you until this evening?");
    await page.getByTestId("send-button").tap();
    const reply = page.locator("[data-testid=message][data-direction=OUTBOUND]").last();
    await expect.poll(() => reply.getByTestId("ticks").getAttribute("data-status"), { timeout: 15_000 }).toBe("READ");
    expect((await write("Yes please, I'll come by at 6.")).status).toBe(201);
    await page.getByTestId("message-text").filter({ hasText: "come by at 6" }).waitFor();
    await screenshot(page, `inbox-phone-dark${suffix}`);
    await context.close();
  });

  it("the dashboard on a desktop", async () => {
    await prefer("manager@example.com");
    const context = await signedInContext(browser, "manager@example.com", { viewport: { width: 1360, height: 1000 }, locale });
    const page = await context.newPage();
    await page.goto("/dashboard");
    await page.getByTestId("series-chart").locator(".recharts-line").first().waitFor();
    await page.waitForLoadState("networkidle");
    await screenshot(page, `dashboard-dark${suffix}`);
    await context.close();
  });
});
