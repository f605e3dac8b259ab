import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signedInPage } from "../support/browser";

// What the agent looks at lives in the URL: a link opens the same conversation and filters, a
// reload keeps the place, Back goes to the previous conversation, and a slow answer for the
// conversation just left never shows in the one opened after it.

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A customer writes through the simulator's phone; returns their number. */
async function customerWrote(name: string, text: string): Promise<string> {
  const waId = `4916${String(Date.now()).slice(-8)}`;
  const response = await fetch(`${inject("baseUrl")}/api/simulator/customers/${waId}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, text }),
  });
  expect(response.status).toBe(201);
  return waId;
}

const item = (page: Page, waId: string) => page.locator(`[data-testid=conversation-item][data-contact="${waId}"]`);

async function conversationId(page: Page, waId: string): Promise<string> {
  await item(page, waId).waitFor({ timeout: 15_000 });
  return (await item(page, waId).getAttribute("data-conversation-id"))!;
}

describe("links to what the agent is looking at", () => {
  it("reopen the conversation and filters, survive a reload and follow Back", async () => {
    const first = await customerWrote("Lea Link", "Is the walnut shelf in stock?");
    const second = await customerWrote("Max Link", "Where is my parcel?");
    const page = await signedInPage(browser, "agent@example.com");
    const firstId = await conversationId(page, first);
    const secondId = await conversationId(page, second);

    await page.getByTestId("filter-status").selectOption("ALL");
    await page.waitForURL("**/inbox?status=ALL");
    await item(page, first).click();
    await page.waitForURL(`**/inbox/${firstId}?status=ALL`);
    await expect.poll(() => page.getByTestId("thread-title").textContent()).toBe("Lea Link");

    await page.reload();
    await expect.poll(() => page.getByTestId("thread-title").textContent()).toBe("Lea Link");
    expect(await page.getByTestId("filter-status").inputValue()).toBe("ALL");
    await page.getByTestId("thread").getByText("Is the walnut shelf in stock?").waitFor();
    await page.getByTestId("contact-state").waitFor();
    await screenshot(page, "inbox-deep-link");

    await item(page, second).click();
    await page.waitForURL(`**/inbox/${secondId}?status=ALL`);
    await expect.poll(() => page.getByTestId("thread-title").textContent()).toBe("Max Link");
    await page.goBack();
    await page.waitForURL(`**/inbox/${firstId}?status=ALL`);
    await expect.poll(() => page.getByTestId("thread-title").textContent()).toBe("Lea Link");
    await page.context().close();
  });

  it("say plainly when the conversation is not in the agent's inboxes", async () => {
    const page = await signedInPage(browser, "agent@example.com");
    await page.goto("/inbox/no-such-conversation");
    expect(await page.getByTestId("conversation-not-found").textContent()).toContain("not found in your inboxes");
    // The list still works around it.
    await page.getByTestId("conversation-list").waitFor();
    await page.context().close();
  });

  it("keep a slow answer for the conversation just left out of the one opened next", async () => {
    const slow = await customerWrote("Sia Slow", "This thread answers slowly");
    const fast = await customerWrote("Fay Fast", "This thread answers at once");
    const page = await signedInPage(browser, "agent@example.com");
    const slowId = await conversationId(page, slow);
    await conversationId(page, fast);

    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**/api/conversations/${slowId}/messages*`, async (route) => {
      await released;
      await route.continue();
    });
    // The race: the slow thread's request is on its way when the agent moves on.
    const slowAsked = page.waitForRequest((request) => request.url().includes(`/api/conversations/${slowId}/messages`));
    await item(page, slow).click();
    await slowAsked;
    await item(page, fast).click();
    await page.getByTestId("thread").getByText("This thread answers at once").waitFor();
    const heldAnswer = page.waitForResponse((response) => response.url().includes(`/api/conversations/${slowId}/messages`));
    release();
    // Give the held answer time to arrive and be (wrongly) drawn, then look.
    await heldAnswer;
    await page.waitForTimeout(300);
    expect(await page.getByTestId("thread-title").textContent()).toBe("Fay Fast");
    expect(await page.getByTestId("thread").textContent()).not.toContain("This thread answers slowly");
    await page.context().close();
  });
});
