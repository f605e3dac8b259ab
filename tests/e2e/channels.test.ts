import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signedInPage } from "../support/browser";

// An admin connects a second WhatsApp number in Settings → Channels, as they would with the values
// from Meta's app dashboard; a customer of that number then reaches the admin's inbox.

// One of the simulated Meta's spare numbers (lib/simulator/meta-apps.ts).
const repairs = {
  phoneNumberId: "100000000000003",
  wabaId: "200000000000002",
  accessToken: "simulator-access-token-repairs",
  appSecret: "simulator-app-secret-repairs",
  verifyToken: "repairs-verify-token-e2e",
};

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("Settings → Channels", () => {
  it("connects a number after Meta accepts its token, shows no secret, and its customers reach the inbox", async () => {
    const admin = await signedInPage(browser, "admin@example.com");
    await admin.goto("/settings/channels");
    // The configured number and the configured Facebook Page.
    await expect.poll(() => admin.getByTestId("channel-row").count()).toBe(2);
    expect(await admin.getByTestId("channel-secrets").first().textContent()).toContain("from configuration");

    await admin.getByRole("button", { name: "Connect a number" }).click();
    const form = admin.getByTestId("channel-form");
    await form.getByLabel("Inbox name agents see").fill("Repairs desk");
    await form.getByLabel("Phone number id").fill(repairs.phoneNumberId);
    await form.getByLabel("WhatsApp Business Account id").fill(repairs.wabaId);
    await form.getByLabel("Access token").fill("a-token-meta-does-not-know");
    await form.getByLabel("App secret").fill(repairs.appSecret);
    await form.getByLabel("Verify token").fill(repairs.verifyToken);
    await form.getByRole("button", { name: "Connect number" }).click();
    await expect.poll(() => form.getByRole("alert").textContent()).toContain("Meta did not accept the access token");

    await form.getByLabel("Access token").fill(repairs.accessToken);
    await form.getByRole("button", { name: "Connect number" }).click();
    await admin.getByRole("status").filter({ hasText: "Repairs desk is connected." }).waitFor();
    const row = admin.locator(`[data-testid=channel-row][data-phone-number-id="${repairs.phoneNumberId}"]`);
    await row.waitFor();
    const text = (await row.textContent()) ?? "";
    expect(text).toContain("+15550100400");
    expect(text).toMatch(/Access token\s*set · last changed/);
    const html = await admin.content();
    for (const secret of [repairs.accessToken, repairs.appSecret, repairs.verifyToken]) expect(html).not.toContain(secret);
    await screenshot(admin, "channels");

    // A customer writes to the new number; the admin, a member of every new inbox, sees it.
    const waId = `4917${String(Date.now()).slice(-8)}`;
    const wrote = await fetch(`${inject("baseUrl")}/api/simulator/customers/${waId}/messages?business=${repairs.phoneNumberId}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Rosa Repair", text: "My chair's leg came loose" }),
    });
    expect(wrote.status).toBe(201);
    await admin.goto("/inbox");
    await admin.locator(`[data-testid=conversation-item][data-contact="${waId}"]`).waitFor({ timeout: 15_000 });
  });
});
