import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signedInPage } from "../support/browser";
import { pngOfSize } from "../support/png";

// An admin edits the business profile as customers will see it — the about text and a cropped
// photo — watches the preview follow, saves, and finds the version in the history and the event
// in the audit trail. A manager can read the profile but not change it.

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A page in the settings sidebar. */
const settingsLink = (page: Page, name: string) => page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name });

describe("the business profile", () => {
  it("an admin edits the about text and the photo, previews, saves, and finds the version and the audit event", async () => {
    const page = await signedInPage(browser, "admin@example.com");
    await page.getByTestId("nav-settings").click();
    await settingsLink(page, "Business profile").click();
    await page.waitForURL("**/settings/profile/**");
    const about = page.getByLabel("About");
    await about.waitFor();

    const words = `Handmade oak furniture, delivered across Europe · ${Date.now().toString(36)}`;
    await about.fill(words);
    await expect.poll(() => page.getByTestId("preview-about").textContent()).toBe(words);
    expect(await page.getByTestId("count-about").textContent()).toBe(`${words.length} / 139`);

    await page
      .getByTestId("photo-input")
      .setInputFiles({ name: "shop.png", mimeType: "image/png", buffer: Buffer.from(pngOfSize(400, 300, [30, 110, 90])) });
    await page.getByTestId("photo-crop").click();
    await expect.poll(() => page.getByTestId("preview-photo").getAttribute("src")).toMatch(/^blob:/);

    await page.getByRole("button", { name: "Dark" }).click();
    expect(await page.getByTestId("profile-preview").getAttribute("data-look")).toBe("dark");
    await page.getByRole("button", { name: "Light" }).click();
    await screenshot(page, "profile");

    await page.getByTestId("profile-save").click();
    await expect.poll(() => page.getByTestId("profile-status").textContent(), { timeout: 15_000 }).toContain("Saved");
    const latest = page.getByTestId("profile-version").first();
    await expect.poll(() => latest.textContent(), { timeout: 10_000 }).toContain(words);
    expect(await latest.textContent()).toContain("Ada Admin");
    expect(await latest.textContent()).toContain("Photo");
    await expect.poll(() => page.getByTestId("preview-photo").getAttribute("src")).toContain("/api/simulator/profile-photos/");

    await page.goto("/settings/audit");
    await page.getByText("business_profile.saved").first().waitFor();

    // Meta raises the messaging limit, and the admin asks for a new display name; both land in the timeline.
    const raised = await fetch(`${inject("baseUrl")}/api/simulator/number`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ limit: "TIER_10K" }),
    });
    expect(raised.status).toBe(200);
    await settingsLink(page, "Number health").click();
    await page.getByTestId("quality-rating").waitFor();
    await page.getByLabel("New display name").fill("Northwind Home & Living");
    await page.getByRole("button", { name: "Request review" }).click();
    await page.getByTestId("name-pending").waitFor();
    await page.locator("[data-testid=timeline-entry][data-kind=name_approved]").waitFor({ timeout: 15_000 });
    await page.locator("[data-testid=timeline-entry][data-kind=quality_upgrade]").waitFor();
    await expect.poll(() => page.getByText("Northwind Home & Living").count()).toBeGreaterThan(0);
    await screenshot(page, "number-health");
  });

  it("a manager can read the profile but not save it", async () => {
    const page = await signedInPage(browser, "manager@example.com");
    // A manager's settings open on the business profile, the first page they may see.
    await page.getByTestId("nav-settings").click();
    await page.waitForURL("**/settings/profile/**");
    await page.getByLabel("About").waitFor();
    expect(await page.getByLabel("About").isDisabled()).toBe(true);
    expect(await page.getByTestId("profile-save").count()).toBe(0);
    expect(await page.getByTestId("preview-about").textContent()).not.toBe("");
    expect(await page.getByText("Only admins can change it.").count()).toBe(1);
  });
});
