import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInContext } from "../support/axe";
import { launchBrowser } from "../support/browser";
import { signIn } from "../support/http";

// The theme: signed out, the device decides; signed in, the person's choice on /account, applied at
// once and rendered by the server on every page after it, so there is no flash of the other theme.

let browser: Browser;
const email = "agent2@example.com";

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await (await signIn(email)).fetch("/api/account", { method: "PATCH", body: JSON.stringify({ theme: "system" }) });
  await browser?.close();
});

/** Whether the page's background is drawn light or dark (its colour through a canvas, as sRGB). */
const surface = (page: Page) =>
  page.evaluate(() => {
    const context = document.createElement("canvas").getContext("2d")!;
    context.fillStyle = getComputedStyle(document.body).backgroundColor;
    context.fillRect(0, 0, 1, 1);
    const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
    return (r + g + b) / 3 > 128 ? "light" : "dark";
  });
const light = "light";
const dark = "dark";

describe("the theme", () => {
  it("follows the device when signed out", async () => {
    for (const [colorScheme, expected] of [
      ["light", light],
      ["dark", dark],
    ] as const) {
      const context = await signedInContext(browser, null, { colorScheme });
      const page = await context.newPage();
      await page.goto("/login");
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("system");
      expect(await surface(page)).toBe(expected);
      await context.close();
    }
  });

  it("is chosen on /account, applies at once, and the server renders it from then on", async () => {
    const context = await signedInContext(browser, email, { colorScheme: "light" });
    const page = await context.newPage();
    await page.goto("/account");
    expect(await surface(page)).toBe(light);
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

    await page.getByTestId("theme-picker").getByRole("radio", { name: "Dark" }).check();
    await expect.poll(() => surface(page)).toBe(dark);
    expect(await page.evaluate(() => "stillTheSamePage" in window)).toBe(true);

    // The first bytes of any page already carry it: nothing switches after load.
    const session = await signIn(email);
    await expect.poll(async () => /<html[^>]*data-theme="dark"/.test(await (await session.fetch("/inbox")).text())).toBe(true);
    await page.goto("/inbox");
    expect(await surface(page)).toBe(dark);

    // "Like this device" hands the choice back to the device's setting.
    await page.goto("/account");
    await page.getByTestId("theme-picker").getByRole("radio", { name: "Like this device" }).check();
    await expect.poll(() => surface(page)).toBe(light);
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await surface(page)).toBe(dark);
    await expect.poll(async () => ((await (await session.fetch("/api/account")).json()) as { theme: string }).theme).toBe("system");
    await context.close();
  });
});
