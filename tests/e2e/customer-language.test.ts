import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, signedInPage } from "../support/browser";

// The agent sets the customer's language in the contact panel: one of Meta's template language
// codes, named in the agent's language; it is saved on the contact and still there after a reload.

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("the customer's language", () => {
  it("is picked from Meta's languages, saved on the contact and cleared again", async () => {
    const waId = `4917${String(Date.now()).slice(-8)}`;
    const wrote = await fetch(`${inject("baseUrl")}/api/simulator/customers/${waId}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Lina Language", text: "Namaste, is the teak table back?" }),
    });
    expect(wrote.status).toBe(201);

    const page = await signedInPage(browser, "agent@example.com");
    const item = page.locator(`[data-testid=conversation-item][data-contact="${waId}"]`);
    await item.waitFor({ timeout: 15_000 });
    await item.click();
    const language = page.getByTestId("contact-panel").getByLabel("Language");
    await language.waitFor();
    expect(await language.inputValue()).toBe("");
    expect(await language.locator("option:checked").textContent()).toBe("Not set");

    const saved = page.waitForResponse((response) => response.request().method() === "PATCH" && response.url().includes("/api/contacts/"));
    await language.selectOption({ label: "Hindi" });
    const answer = await saved;
    expect(answer.status()).toBe(200);
    expect(((await answer.json()) as { language: string | null }).language).toBe("hi");

    await page.reload();
    await page.getByTestId("contact-panel").getByLabel("Language").waitFor();
    await expect.poll(() => page.getByTestId("contact-panel").getByLabel("Language").inputValue(), { timeout: 10_000 }).toBe("hi");

    const regional = page.waitForResponse(
      (response) => response.request().method() === "PATCH" && response.url().includes("/api/contacts/"),
    );
    await page.getByTestId("contact-panel").getByLabel("Language").selectOption({ label: "English (United States)" });
    expect(((await (await regional).json()) as { language: string | null }).language).toBe("en_US");

    const cleared = page.waitForResponse(
      (response) => response.request().method() === "PATCH" && response.url().includes("/api/contacts/"),
    );
    await page.getByTestId("contact-panel").getByLabel("Language").selectOption("");
    expect(((await (await cleared).json()) as { language: string | null }).language).toBeNull();
    await page.context().close();
  });
});
