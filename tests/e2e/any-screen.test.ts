import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";

// The agent's main flow — open a conversation, reply, see the ticks reach "read", go back — on a
// desktop and on a phone (390 × 844), where the inbox shows one pane at a time and the URL says which.

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const screens = [
  { name: "a desktop", viewport: { width: 1360, height: 820 }, phone: false },
  { name: "a phone", viewport: { width: 390, height: 844 }, phone: true },
];

async function customerWrites(waId: string, name: string, text: string) {
  const response = await fetch(`${inject("baseUrl")}/api/simulator/customers/${waId}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, text }),
  });
  expect(response.status).toBe(201);
}

async function signIn(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Email").fill("agent@example.com");
  await page.getByLabel("Password").fill("switchboard");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/inbox");
}

const visible = (page: Page, testId: string) => page.getByTestId(testId).isVisible();

describe.each(screens)("the agent's flow on $name", ({ viewport, phone }) => {
  it("opens a conversation, replies, sees it read and goes back", async () => {
    const context = await browser.newContext({ baseURL: inject("baseUrl"), viewport, isMobile: phone, hasTouch: phone });
    const page = await context.newPage();
    await signIn(page);
    const waId = `4918${String(Date.now()).slice(-7)}${phone ? 1 : 0}`;
    await customerWrites(waId, `Ravi Screen ${waId.slice(-3)}`, "Can I change my delivery address?");

    const item = page.locator(`[data-testid=conversation-item][data-contact="${waId}"]`);
    await item.waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("inbox").getAttribute("data-pane")).toBe("list");
    // Nothing wider than the screen: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await item.click();
    await page.waitForURL(/\/inbox\/[^/?]+$/);
    await expect.poll(() => page.getByTestId("thread-title").textContent()).toContain("Ravi Screen");
    expect(await page.getByTestId("inbox").getAttribute("data-pane")).toBe("thread");
    // On the phone the thread replaces the list; on the desktop they sit side by side.
    expect(await visible(page, "conversation-list")).toBe(!phone);
    expect(await visible(page, "back-to-list")).toBe(phone);

    const composer = page.getByTestId("composer");
    await composer.fill("Yes, send me the new address here.");
    const send = page.getByTestId("send-button");
    const box = (await send.boundingBox())!;
    if (phone) expect(box.height).toBeGreaterThanOrEqual(44);
    await (phone ? send.tap() : composer.press("Enter"));
    const reply = page.locator("[data-testid=message][data-direction=OUTBOUND]").filter({ hasText: "new address" });
    await expect.poll(() => reply.getByTestId("ticks").getAttribute("data-status"), { timeout: 15_000 }).toBe("READ");
    expect(await reply.getByTestId("ticks").getAttribute("aria-label")).toBe("Read");

    if (phone) {
      // The customer's pane replaces the thread and has its own way back.
      await page.getByTestId("contact-toggle").tap();
      await page.waitForURL(/pane=contact/);
      await page.getByTestId("contact-state").waitFor();
      expect(await visible(page, "thread")).toBe(false);
      await page.getByTestId("close-contact").tap();
      await page.waitForURL((url) => !url.search.includes("pane=contact"));
      await page.getByTestId("thread").waitFor();
      await page.getByTestId("back-to-list").tap();
    } else {
      await page.goBack();
    }
    await page.waitForURL(/\/inbox(\?.*)?$/);
    await item.waitFor();
    expect(await page.getByTestId("inbox").getAttribute("data-pane")).toBe("list");
    expect(await visible(page, "thread")).toBe(false);
    await context.close();
  });
});
