import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signedInPage } from "../support/browser";
import { signIn } from "../support/http";

// An admin changes someone's role, then finds that change in the audit log by searching for the
// person's name, reads what changed, and exports the filtered log as CSV.

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** Someone the admin invited as an agent, who accepted. */
async function newAgent(name: string): Promise<void> {
  const admin = await signIn("admin@example.com");
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}@example.test`;
  const invited = await admin.fetch("/api/invites", { method: "POST", body: JSON.stringify({ email, name, role: "AGENT" }) });
  expect(invited.status).toBe(201);
  const token = new URL((await invited.json()).link).searchParams.get("token");
  const accepted = await fetch(`${inject("baseUrl")}/api/invites/accept`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token, name, password: "Harbour-lamp-audit-e2e" }),
  });
  expect(accepted.status).toBe(201);
}

describe("the audit log", () => {
  it("finds a role change by name, shows its diff and exports it", async () => {
    // Ends in a letter other than "s", so the sentence says "…'s role".
    const name = `Priya Audit${Date.now().toString(36)}n`;
    await newAgent(name);
    const page = await signedInPage(browser, "admin@example.com");

    await page.goto("/settings/users");
    await page.getByRole("button", { name: `Edit access for ${name}` }).click();
    await page.getByTestId("edit-user-form").locator("select[name=role]").selectOption("MANAGER");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText(`Saved ${name}'s access`).waitFor();

    await page.goto("/settings/audit");
    await page.getByTestId("audit-event-row").first().waitFor();
    await page.getByTestId("audit-search").fill(name);
    // The search reaches the URL (and the server) after a pause in typing.
    await page.waitForURL(/[?&]q=Priya/);
    const sentence = `Changed ${name}'s role from Agent to Manager`;
    const row = page.getByTestId("audit-event-row").filter({ hasText: sentence });
    await row.waitFor();
    await expect.poll(() => page.getByTestId("audit-event-row").count()).toBe(3);
    expect(await row.textContent()).toContain("Ada Admin");
    expect(await row.textContent()).toMatch(/127\.0\.0\.1|::1/);

    await row.getByRole("button", { name: sentence }).press("Enter");
    const diff = page.getByTestId("audit-diff-row").filter({ hasText: "role" });
    await diff.waitFor();
    expect(await diff.locator("td").allTextContents()).toEqual(["role", "AGENT", "→", "MANAGER"]);

    await page.getByRole("button", { name: "Verify now" }).click();
    await expect.poll(() => page.getByTestId("audit-latest").textContent(), { timeout: 20_000 }).toMatch(/^Intact/);
    await screenshot(page, "audit-log");

    // Only role changes now, as the URL records.
    await page.getByRole("button", { name: "Action Any action" }).click();
    await page.getByRole("checkbox", { name: /Role changed/ }).check();
    await page.keyboard.press("Escape");
    await page.waitForURL(/action=user\.role_changed/);
    await expect.poll(() => page.getByTestId("audit-event-row").count()).toBe(1);

    // A date range that ends before the change: nothing matches, and the page says so.
    await page.getByLabel("To", { exact: true }).fill("2020-01-01");
    await page.getByTestId("audit-empty").getByText("No events match these filters").waitFor();
    await page.getByLabel("To", { exact: true }).fill("");
    await expect.poll(() => page.getByTestId("audit-event-row").count()).toBe(1);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("audit-export-csv").click()]);
    expect(download.suggestedFilename()).toMatch(/^audit-log-.+\.csv$/);
    const csv = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
    const lines = csv.trimEnd().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^seq,id,at,actor_id,actor,action,summary/);
    expect(lines[1]).toContain(`user.role_changed,Changed ${name}'s role from Agent to Manager`);
    await page.context().close();
  });

  it("is not for managers", async () => {
    const page = await signedInPage(browser, "manager@example.com");
    const response = await page.request.get("/api/audit");
    expect(response.status()).toBe(403);
    await page.goto("/settings/audit");
    await page.waitForURL("**/inbox");
    await page.context().close();
  });
});
