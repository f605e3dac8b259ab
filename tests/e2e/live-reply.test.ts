import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signedInPage } from "../support/browser";

// The thin path end to end: a customer writes on the simulator's phone, the agent sees it appear
// in the open inbox without reloading, replies, and watches the ticks reach "read".

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("answering a WhatsApp chat live", () => {
  it("shows a new customer message without reload, sends the reply and shows it read", async () => {
    const agent = await signedInPage(browser, "agent@example.com");
    await expect.poll(() => agent.getByTestId("live-indicator").getAttribute("data-connected")).toBe("true");
    const itemsBefore = await agent.getByTestId("conversation-item").count();

    const phone = await browser.newPage({ baseURL: inject("baseUrl") });
    const waId = `49170${Date.now().toString().slice(-7)}`;
    await phone.goto("/simulator");
    await phone.getByTestId("sim-phone").fill(waId);
    await phone.getByTestId("sim-name").fill("Greta Hoffmann");
    await phone.getByTestId("sim-text").fill("Hi, is the standing desk available in white?");
    await phone.getByRole("button", { name: "Send" }).click();

    // It arrives in the agent's inbox while the page stays open.
    const item = agent.locator(`[data-testid=conversation-item][data-contact="${waId}"]`);
    await item.waitFor({ timeout: 15_000 });
    expect(await agent.getByTestId("conversation-item").count()).toBe(itemsBefore + 1);
    await expect.poll(() => item.getByTestId("conversation-preview").textContent()).toContain("standing desk");
    await expect.poll(() => item.getByTestId("unread-count").textContent()).toBe("1");

    await item.click();
    await expect.poll(() => agent.getByTestId("thread-title").textContent()).toBe("Greta Hoffmann");
    await agent.getByTestId("message-text").filter({ hasText: "standing desk" }).waitFor();

    await agent.getByTestId("composer").fill("Yes, it is! Shall I reserve one for you?");
    await agent.getByTestId("composer").press("Enter");

    const reply = agent.locator("[data-testid=message][data-direction=OUTBOUND]").filter({ hasText: "reserve one" });
    await reply.waitFor();
    await expect.poll(() => reply.getByTestId("ticks").getAttribute("data-status"), { timeout: 15_000 }).toBe("READ");
    await screenshot(agent, "inbox-light");

    // The customer's phone shows the business's reply.
    await phone
      .locator("[data-testid=sim-message][data-direction=from-business]")
      .filter({ hasText: "reserve one" })
      .waitFor({ timeout: 10_000 });
    await screenshot(phone, "simulator");
  });

  it("sends visitors who are not signed in to the login page", async () => {
    const page = await browser.newPage({ baseURL: inject("baseUrl") });
    await page.goto("/inbox");
    expect(new URL(page.url()).pathname).toBe("/login");
    await screenshot(page, "login");
  });
});
