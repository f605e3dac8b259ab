import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { MessageDto } from "@/lib/conversations/types";
import type { Theme } from "@/lib/users/themes";
import { axeViolations, blocking, describeViolations, signedInContext, type AxeViolation } from "../support/axe";
import { launchBrowser } from "../support/browser";
import { signIn } from "../support/http";

// axe-core on every page, in light and in dark: sign-in, the inbox with a conversation open (and its
// template picker and assign menu, and on a phone its three panes), each dashboard tab, every
// settings page an admin has, the account page and the customer simulator. Any serious or critical
// violation fails; what axe found is written to test-results/axe.json.

let browser: Browser;
const found: { theme: Theme; page: string; violations: AxeViolation[] }[] = [];
const people = ["agent@example.com", "manager@example.com", "admin@example.com"];
const run = String(Date.now()).slice(-7);
let conversationPath = "";

async function setTheme(email: string, theme: Theme) {
  const session = await signIn(email);
  const response = await session.fetch("/api/account", { method: "PATCH", body: JSON.stringify({ theme }) });
  expect(response.status, await response.clone().text()).toBe(200);
}

/** Waits for the page's data: no request for half a second, and nothing still saying it loads. */
async function settle(page: Page) {
  await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => undefined);
  await expect.poll(() => page.getByText(/^Loading/).count(), { timeout: 15_000 }).toBe(0);
}

/** axe on the page as it is; signed-out pages follow the device (`system`), which the context sets to the theme. */
async function check(theme: Theme, name: string, page: Page, attribute: Theme = theme) {
  await settle(page);
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(attribute);
  const violations = await axeViolations(page);
  found.push({ theme, page: name, violations });
  expect.soft(blocking(violations), `${name} (${theme}):\n${describeViolations(blocking(violations))}`).toEqual([]);
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

beforeAll(async () => {
  browser = await launchBrowser();
  // A conversation with a customer message and a reply WhatsApp has read.
  const waId = `4917${run}1`;
  const wrote = await fetch(`${inject("baseUrl")}/api/simulator/customers/${waId}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: `Asha Axe ${run}`, text: "Do you deliver to Pune?" }),
  });
  expect(wrote.status).toBe(201);
  const agent = await signIn("agent@example.com");
  const conversationId = await until("the conversation", async () => {
    const { items } = (await (await agent.fetch(`/api/conversations?q=${waId}&status=ALL`)).json()) as { items: { id: string }[] };
    return items[0]?.id;
  });
  await agent.fetch(`/api/conversations/${conversationId}`, { method: "PATCH", body: JSON.stringify({ assigneeId: null }) });
  const sent = await agent.fetch(`/api/conversations/${conversationId}/messages`, {
    method: "POST",
    body: JSON.stringify({ text: "Yes, within two days." }),
  });
  expect(sent.status).toBe(201);
  await until("the reply to be read", async () => {
    const { items } = (await (await agent.fetch(`/api/conversations/${conversationId}/messages`)).json()) as { items: MessageDto[] };
    return items.find((message) => message.direction === "OUTBOUND")?.status === "READ";
  });
  conversationPath = `/inbox/${conversationId}`;
});

afterAll(async () => {
  await Promise.all(people.map((email) => setTheme(email, "system")));
  mkdirSync(path.resolve(import.meta.dirname, "../../test-results"), { recursive: true });
  writeFileSync(path.resolve(import.meta.dirname, "../../test-results/axe.json"), JSON.stringify(found, null, 2));
  await browser?.close();
});

describe.each(["light", "dark"] as const)("every page in the %s theme", (theme) => {
  let contexts: BrowserContext[] = [];
  const open = async (email: string | null, options: Parameters<typeof signedInContext>[2] = {}) => {
    const context = await signedInContext(browser, email, { colorScheme: theme, ...options });
    contexts.push(context);
    return context.newPage();
  };

  beforeAll(async () => {
    await Promise.all(people.map((email) => setTheme(email, theme)));
  });

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    contexts = [];
  });

  it("sign-in and the customer simulator", async () => {
    const page = await open(null);
    await page.goto("/login");
    await check(theme, "login", page, "system");
    await page.goto("/simulator");
    await page.getByTestId("sim-phone").fill(`4917${run}1`);
    await page.getByTestId("sim-message").first().waitFor();
    await check(theme, "simulator", page, "system");
  });

  it("the inbox with a conversation open, its template picker and assign menu", async () => {
    const page = await open("agent@example.com");
    await page.goto(conversationPath);
    await page.locator("[data-testid=message][data-direction=OUTBOUND]").first().waitFor();
    await check(theme, "inbox: conversation", page);
    await page.getByTestId("assign-button").click();
    await page.getByTestId("assign-menu").waitFor();
    await check(theme, "inbox: assign menu", page);
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Template" }).click();
    await page.getByTestId("template-option").first().click();
    await check(theme, "inbox: template picker", page);
  });

  it("the inbox on a phone: list, thread and customer", async () => {
    const page = await open("agent@example.com", { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto("/inbox");
    await page.getByTestId("conversation-item").first().waitFor();
    await check(theme, "phone: conversation list", page);
    await page.goto(conversationPath);
    await page.getByTestId("thread-title").waitFor();
    await check(theme, "phone: thread", page);
    await page.getByTestId("contact-toggle").click();
    await page.getByTestId("contact-state").waitFor();
    await check(theme, "phone: customer", page);
  });

  it("each dashboard tab", async () => {
    const page = await open("manager@example.com");
    for (const tab of ["delivery", "breakdowns", "failures", "templates", "team", "live", "cost"]) {
      await page.goto(`/dashboard?tab=${tab}`);
      await page.getByRole("tab", { selected: true }).waitFor();
      await check(theme, `dashboard: ${tab}`, page);
    }
  });

  it("every settings page, and the account page", async () => {
    const page = await open("admin@example.com");
    await page.goto("/account");
    await page.getByTestId("theme-picker").waitFor();
    await check(theme, "account", page);
    await page.goto("/settings/channels");
    const links = page.getByRole("navigation", { name: "Settings" }).getByRole("link");
    const hrefs = await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href")!));
    expect(hrefs.length).toBeGreaterThanOrEqual(10);
    for (const href of hrefs) {
      await page.goto(href);
      await check(theme, `settings: ${href.split("/")[2]}`, page);
    }
  });
});

describe("keyboard and screen readers", () => {
  const write = async (waId: string, name: string, text: string) => {
    const response = await fetch(`${inject("baseUrl")}/api/simulator/customers/${waId}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name, text }),
    });
    expect(response.status).toBe(201);
  };

  it("keeps focus on the same conversation while the list reorders, and announces a new message politely", async () => {
    const context = await signedInContext(browser, "agent@example.com");
    const page = await context.newPage();
    await page.goto("/inbox");
    const ids = [`4919${run}1`, `4919${run}2`, `4919${run}3`];
    const item = (waId: string) => page.locator(`[data-testid=conversation-item][data-contact="${waId}"]`);
    // WhatsApp's timestamps are whole seconds: each message a second after the last, so the order is certain.
    const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1_000 - (Date.now() % 1_000) + 50));
    for (const [index, waId] of ids.entries()) {
      await nextSecond();
      await write(waId, `Focus ${index + 1} ${run}`, "Hello");
      await item(waId).waitFor({ timeout: 15_000 });
    }
    const focusedId = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.conversationId ?? null);
    const position = (waId: string) =>
      page.getByTestId("conversation-item").evaluateAll((items, id) => items.findIndex((element) => element.dataset.contact === id), waId);

    // The middle one has focus; the oldest writes again and jumps above it.
    const middle = await item(ids[1]).getAttribute("data-conversation-id");
    await item(ids[1]).focus();
    const before = await position(ids[1]);
    expect(await position(ids[0])).toBeGreaterThan(before);
    await nextSecond();
    await write(ids[0], `Focus 1 ${run}`, "One more thing");
    await expect.poll(() => position(ids[0])).toBe(0);
    expect(await position(ids[1])).toBe(before + 1);
    expect(await focusedId()).toBe(middle);

    // Enter opens it (a keyboard action); a message arriving there is announced, without moving focus.
    await page.keyboard.press("Enter");
    await page.waitForURL(`**/inbox/${middle}`);
    await page.getByTestId("thread-title").waitFor();
    expect(await page.getByTestId("thread-announcer").getAttribute("aria-live")).toBe("polite");
    expect(await page.getByTestId("thread-announcer").textContent()).toBe("");
    await write(ids[1], `Focus 2 ${run}`, "Is it gift-wrapped?");
    await expect
      .poll(() => page.getByTestId("thread-announcer").textContent())
      .toBe(`New message from Focus 2 ${run}: Is it gift-wrapped?`);
    await context.close();
  });
});
