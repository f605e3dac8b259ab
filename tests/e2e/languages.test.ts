import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ADMIN, demoInboxId, invitedUser } from "../integration/accounts-support";
import { launchBrowser, screenshot, signedInPage } from "../support/browser";
import { signIn } from "../support/http";

// The interface in the reader's language: a browser that asks for Hindi gets the sign-in page in
// Hindi; a manager who picks Bengali on /account sees the page change at once, without a reload
// and without losing what is on it, and then the dashboard in Bengali. The screenshots are looked
// at: Indic scripts need their fonts (fonts-noto-core, installed by .ci/run).

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("languages", () => {
  it("speaks Hindi on the sign-in page to a browser that asks for it", async () => {
    const context = await browser.newContext({ baseURL: inject("baseUrl"), locale: "hi-IN", viewport: { width: 1360, height: 820 } });
    const page = await context.newPage();
    await page.goto("/login");
    expect(await page.locator("html").getAttribute("lang")).toBe("hi");
    await page.getByRole("heading", { name: "अपने इनबॉक्स में साइन इन करें" }).waitFor();
    await page.getByLabel("ईमेल").fill("nobody@example.com");
    await page.getByLabel("पासवर्ड").fill("not-the-password");
    await page.getByRole("button", { name: "साइन इन करें" }).click();
    const refusal = page.locator("form").getByRole("alert");
    await refusal.waitFor();
    expect(await refusal.textContent()).toBe("यह ईमेल और पासवर्ड किसी चालू अकाउंट से मेल नहीं खाते।");
    await screenshot(page, "login-hindi");
    await context.close();
  });

  it("switches a manager to Bengali at once, then shows the dashboard in Bengali", async () => {
    const admin = await signIn(ADMIN);
    const manager = await invitedUser({ admin, role: "MANAGER", inboxIds: [await demoInboxId()], name: "Mitali Sen" });
    const page = await signedInPage(browser, manager.email, manager.password);
    // Server and browser format with the same language, zone and clock: React reports no hydration mismatch.
    const mismatches: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" && /hydrat|#418|#423|#425/i.test(message.text())) mismatches.push(message.text());
    });
    await page.goto("/account");
    await page.getByRole("heading", { name: "Your account" }).waitFor();
    // Survives a re-render in place, not a reload.
    await page.evaluate(() => Object.assign(window, { stillHere: true }));
    await page.getByLabel("Language").selectOption("bn");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("heading", { name: "আপনার অ্যাকাউন্ট" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("bn");
    expect(await page.getByRole("status").textContent()).toBe("সেভ হয়েছে।");
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    expect(await page.getByTestId("current-user").textContent()).toContain("ম্যানেজার");

    await page.getByTestId("nav-dashboard").click();
    await page.getByRole("heading", { name: "ড্যাশবোর্ড" }).waitFor();
    await page.getByTestId("funnel").waitFor();
    expect(await page.getByTestId("tab-delivery").textContent()).toBe("ডেলিভারি");
    expect(await page.getByTestId("funnel-sent").textContent()).toContain("পাঠানো");
    // Counts use the language's digits, as Intl writes them for Bengali.
    expect(await page.getByTestId("funnel-sent-value").textContent()).toMatch(/^[০-৯,]+$/);
    await screenshot(page, "dashboard-bengali");
    // The business profile's history carries dates rendered on the server and hydrated in the browser.
    await page.getByTestId("nav-settings").click();
    await page.getByTestId("profile-history").waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("বিজনেস প্রোফাইল");
    expect(mismatches).toEqual([]);

    // The API answers in the user's language too.
    const refused = await page.evaluate(async () => {
      const response = await fetch("/api/account", {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ timeZone: "Mars/Olympus" }),
      });
      return ((await response.json()) as { error: { message: string } }).error.message;
    });
    expect(refused).toBe("তালিকা থেকে একটি টাইম জোন বেছে নিন।");
  });
});
