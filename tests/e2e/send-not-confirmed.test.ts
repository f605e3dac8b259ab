import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "../support/browser";
import { GRACE_SECONDS, startSendOnceStack, type SendOnceStack } from "../support/send-once-stack";

// What an agent sees when WhatsApp never answers a send: on a server of its own with a short grace
// (tests/support/send-once-stack.ts), the simulated Meta loses the first request for each message
// to a 994… number (lib/simulator/send-faults.ts).

let stack: SendOnceStack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startSendOnceStack(), launchBrowser()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function agentPage(): Promise<Page> {
  const context = await browser.newContext({ baseURL: stack.baseUrl, viewport: { width: 1360, height: 820 } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill("agent@example.com");
  await page.getByLabel("Password").fill("switchboard");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/inbox");
  return page;
}

describe("a reply WhatsApp never confirmed", () => {
  it("is shown as not confirmed, in words and with its icon, and the agent resends or discards it", async () => {
    const api = await stack.as("agent@example.com");
    const { conversation } = await stack.customerWritesIn(api, "994", "Noor Haddad");
    const page = await agentPage();
    await page.goto(`/inbox/${conversation.id}`);
    const waitMs = (GRACE_SECONDS + 30) * 1_000;

    await page.getByTestId("composer").fill("Your table is booked for 8 pm.");
    await page.getByTestId("composer").press("Enter");
    const booked = page.locator("[data-testid=message][data-direction=OUTBOUND]").filter({ hasText: "booked for 8 pm" });
    const notice = booked.getByTestId("message-unconfirmed");
    await notice.waitFor({ timeout: waitMs });
    expect(await notice.textContent()).toContain(
      "Not confirmed. WhatsApp never answered, so this may or may not have reached the customer.",
    );
    expect(await booked.getByTestId("ticks").getAttribute("aria-label")).toBe("Not confirmed");
    await screenshot(page, "message-not-confirmed");

    await booked.getByTestId("resend-button").click();
    await expect.poll(() => booked.getByTestId("ticks").getAttribute("data-status"), { timeout: 30_000 }).toMatch(/^(DELIVERED|READ)$/);
    expect(await notice.count()).toBe(0);

    await page.getByTestId("composer").fill("Shall I send you the menu?");
    await page.getByTestId("composer").press("Enter");
    const menu = page.locator("[data-testid=message][data-direction=OUTBOUND]").filter({ hasText: "send you the menu" });
    await menu.getByTestId("discard-button").click({ timeout: waitMs });
    await menu.getByTestId("message-discarded").waitFor();
    expect(await menu.getByTestId("ticks").getAttribute("aria-label")).toBe("Discarded");
    expect(await menu.getByTestId("message-unconfirmed").count()).toBe(0);
  });
});
