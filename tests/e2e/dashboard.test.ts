import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ConversationDto, MessageDto } from "@/lib/conversations/types";
import { launchBrowser, screenshot, signedInPage } from "../support/browser";
import { signIn, type Session } from "../support/http";

// A manager's morning: the dashboard over the demo plus today's sends, narrowed to one template,
// down to the failed messages and into one of their threads; a customer writing meanwhile moves the
// live tiles without a reload. An agent is told the dashboard is not for their role.

let browser: Browser;
let agent: Session;
const run = String(Date.now()).slice(-7);

beforeAll(async () => {
  browser = await launchBrowser();
  agent = await signIn("agent@example.com");
});

afterAll(async () => {
  await browser?.close();
});

/** A customer writes through the simulator's phone (a signed webhook, as Meta sends it). */
async function customerWrites(waId: string, name: string, text: string) {
  const response = await fetch(`${inject("baseUrl")}/api/simulator/customers/${waId}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, text }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined>, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function conversationOf(waId: string): Promise<ConversationDto> {
  return until(`the conversation with ${waId}`, async () => {
    const { items } = (await (await agent.fetch(`/api/conversations?q=${waId}&status=ALL`)).json()) as { items: ConversationDto[] };
    return items[0];
  });
}

/** The agent sends order_update (en_US) and waits until the simulated Meta settles it. */
async function sendOrderUpdate(conversationId: string, settled: MessageDto["status"][]) {
  const response = await agent.fetch(`/api/conversations/${conversationId}/messages`, {
    method: "POST",
    body: JSON.stringify({
      template: {
        name: "order_update",
        language: "en_US",
        components: { body: ["Sam", `#${run}`, "Friday"], buttons: [{ index: 0, payload: run }] },
      },
    }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  const queued = (await response.json()) as MessageDto;
  return until(`message ${queued.id} to settle`, async () => {
    const { items } = (await (await agent.fetch(`/api/conversations/${conversationId}/messages`)).json()) as { items: MessageDto[] };
    const message = items.find((item) => item.id === queued.id);
    return message && settled.includes(message.status) ? message : null;
  });
}

const tileValue = (page: Page, testId: string) => page.getByTestId(`${testId}-value`).textContent();
const asNumber = (text: string | null) => Number((text ?? "").replace(/[^\d]/g, ""));

describe("the managers' dashboard", () => {
  it("filters by template, drills into the failed messages, opens a thread and follows a webhook live", async () => {
    // Today's sends: two customers who read the update, one whose number is not on WhatsApp (999…: 131026).
    // The server syncs templates from the simulated Meta as it starts.
    await until("the templates to be synced", async () => {
      const { items } = (await (await agent.fetch("/api/templates")).json()) as { items: { name: string; language: string }[] };
      return items.some((template) => template.name === "order_update" && template.language === "en_US");
    });
    const good = [`4915${run}01`, `4915${run}02`];
    const failing = `999${run}03`;
    for (const [index, waId] of good.entries()) await customerWrites(waId, `Reader ${index + 1} ${run}`, "Where is my order?");
    await customerWrites(failing, `Nowhere ${run}`, "Hello?");
    for (const waId of good) await sendOrderUpdate((await conversationOf(waId)).id, ["READ", "DELIVERED"]);
    const failedConversation = await conversationOf(failing);
    await sendOrderUpdate(failedConversation.id, ["FAILED"]);

    const page = await signedInPage(browser, "manager@example.com");
    await page.setViewportSize({ width: 1360, height: 1180 });
    await page.getByTestId("nav-dashboard").click();
    await page.waitForURL("**/dashboard");
    await page.getByTestId("funnel").waitFor();
    expect(asNumber(await page.getByTestId("funnel-failed-value").textContent())).toBeGreaterThanOrEqual(1);
    // Today by the hour: the range and the bucket go into the URL.
    await page.getByRole("button", { name: "Today", exact: true }).click();
    await page.getByTestId("range-bucket").selectOption("hour");
    await page.waitForURL(/bucket=hour/);
    await page.getByTestId("series-chart").locator(".recharts-line").first().waitFor();
    await page.getByTestId("stats-updating").waitFor({ state: "detached" });
    await screenshot(page, "dashboard-delivery");

    // Export all messages: streamed with a count of the rows received, then saved as a file.
    const download = page.waitForEvent("download");
    await page.getByTestId("export-all").click();
    expect((await download).suggestedFilename()).toMatch(/^messages-.*\.csv$/);
    await expect.poll(() => page.getByTestId("export-progress").textContent()).toMatch(/^Saved [\d,]+ rows/);
    expect(asNumber((await page.getByTestId("export-progress").textContent())!.split(" rows")[0]!)).toBeGreaterThanOrEqual(3);

    // Templates: the order_update row becomes a filter, kept in the URL and shown as a chip.
    await page.getByTestId("tab-templates").click();
    await page.waitForURL(/tab=templates/);
    const row = page.locator('[data-testid=group-row][data-key="order_update:en_US"]');
    await row.waitFor();
    await screenshot(page, "dashboard-templates");
    await row.getByTestId("group-filter").click();
    await page.waitForURL(/template=order_update/);
    await expect.poll(() => page.getByTestId("filter-chip").first().textContent()).toContain("order_update");

    // Failures, narrowed to the template: Meta's 131026 with its sentence; its count opens the messages.
    await page.getByTestId("tab-failures").click();
    const code = page.locator("[data-testid=failure-code][data-code='131026']");
    await code.waitFor();
    expect(asNumber(await code.getByTestId("failure-count").textContent())).toBeGreaterThanOrEqual(1);
    await screenshot(page, "dashboard-failures");
    // The hour's bar opens the same failures.
    await page.locator("[data-testid=failure-chart] .recharts-bar-rectangle path").last().click();
    await page.locator(`[data-testid=drill-item][href="/inbox/${failedConversation.id}"]`).waitFor();
    await page.keyboard.press("Escape");
    await page.getByTestId("drill-items").waitFor({ state: "detached" });
    await code.getByTestId("failure-count").click();
    const item = page.locator(`[data-testid=drill-item][href="/inbox/${failedConversation.id}"]`);
    await item.waitFor();
    expect(await page.locator("[data-testid=drill-item]:not([data-status=failed]):not([data-status=FAILED])").count()).toBe(0);
    await screenshot(page, "dashboard-drill-down");
    await item.click();
    await page.waitForURL(`**/inbox/${failedConversation.id}`);
    await expect.poll(() => page.getByTestId("thread-title").textContent()).toBe(`Nowhere ${run}`);

    // Live now: a customer writes while the page stays open; the tiles move without a reload.
    await page.goto("/dashboard?tab=live");
    await page.getByTestId("live-tab").waitFor();
    await expect.poll(() => page.getByTestId("live-status").getAttribute("data-connected")).toBe("true");
    const before = { received: asNumber(await tileValue(page, "today-received")), open: asNumber(await tileValue(page, "live-open")) };
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await screenshot(page, "dashboard-live");
    await customerWrites(`4916${run}04`, `Live ${run}`, "Is the showroom open today?");
    await expect.poll(async () => asNumber(await tileValue(page, "today-received")), { timeout: 10_000 }).toBe(before.received + 1);
    await expect.poll(async () => asNumber(await tileValue(page, "live-open")), { timeout: 10_000 }).toBe(before.open + 1);
    expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);

    for (const tab of ["breakdowns", "team", "cost"] as const) {
      await page.getByTestId(`tab-${tab}`).click();
      await page.waitForURL(new RegExp(`tab=${tab}`));
      await page.locator("[data-testid=skeleton]").first().waitFor({ state: "detached" });
      await screenshot(page, `dashboard-${tab}`);
    }
    expect(
      await page.getByTestId("group-table").or(page.getByTestId("agent-table")).or(page.getByTestId("cost-table")).count(),
    ).toBeGreaterThan(0);
  });

  it("tells an agent the dashboard is not for their role", async () => {
    const page = await signedInPage(browser, "agent@example.com");
    expect(await page.getByTestId("nav-dashboard").count()).toBe(0);
    await page.goto("/dashboard");
    await page.getByTestId("not-for-role").waitFor();
    expect(await page.getByTestId("not-for-role").textContent()).toContain("not for your role");
  });
});
