import pg from "pg";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { LANE_LOCK_BASE, laneOf } from "@/lib/webhooks/lanes";
import { launchBrowser, screenshot, signedInPage } from "../support/browser";
import { fixture, postWebhook } from "../support/http";

// An admin watches the webhook log while bodies wait to be processed (their customer's lane held
// by another transaction): the backlog and its age are shown, the waiting bodies are marked, and
// once the lane is free the page shows the backlog emptied without a reload.

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe("the webhook log", () => {
  it("shows the backlog and its lag, and sees it empty", async () => {
    const tag = Date.now().toString(36);
    const bodies = [1, 2, 3].map((index) => {
      const body = fixture("wa-inbound-text.json", { unique: `log-${tag}` }) as {
        entry: { changes: { value: { messages: { id: string; from: string; timestamp: string; text: { body: string } }[] } }[] }[];
      };
      const message = body.entry[0]!.changes[0]!.value.messages[0]!;
      message.id = `${message.id}-${index}`;
      message.timestamp = String(Math.floor(Date.now() / 1000) - 60 + index);
      message.text.body = `Waiting in the log ${index}`;
      return body;
    });
    const waId = bodies[0]!.entry[0]!.changes[0]!.value.messages[0]!.from;
    const holder = new pg.Client({ connectionString: inject("databaseUrl") });
    await holder.connect();
    const page = await signedInPage(browser, "admin@example.com");
    try {
      await holder.query("SELECT pg_advisory_lock($1::bigint)", [LANE_LOCK_BASE + laneOf(`${inject("phoneNumberId")}:${waId}`)]);
      for (const body of bodies) expect((await postWebhook(body, { settle: false })).status).toBe(200);

      await page.goto("/settings/webhooks?state=RECEIVED");
      const backlog = page.getByTestId("webhook-backlog");
      await backlog.waitFor();
      expect(Number((await page.getByTestId("webhook-backlog-count").textContent())?.replace(/\D/g, ""))).toBeGreaterThanOrEqual(3);
      expect(await page.getByTestId("webhook-backlog-lag").textContent()).toMatch(/second/);
      await expect.poll(() => page.getByTestId("webhook-row").filter({ hasText: "waiting" }).count()).toBeGreaterThanOrEqual(3);
      await screenshot(page, "webhook-log");
    } finally {
      await holder.end();
    }
    // Refreshed every few seconds: the bodies are processed and the backlog is empty (or nearly,
    // other tests run meanwhile), with no reload.
    await expect.poll(() => page.getByTestId("webhook-backlog-lag").textContent(), { timeout: 20_000 }).not.toMatch(/second/);
  });
});
