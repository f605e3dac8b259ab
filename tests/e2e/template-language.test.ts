import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { launchBrowser, screenshot, signedInPage } from "../support/browser";
import { fixture, postWebhook, signIn } from "../support/http";

// Templates in the customer's language: the picker offers the language an agent set on the contact,
// or the one the customer's own messages are written in, and asks twice before a template goes
// out in another. The demo's order_update is approved in English (en_US) and German (de).

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A customer's message 25 hours ago, so only a template may answer. */
async function customerWrote({ name, text, prefix }: { name: string; text: string; prefix: string }) {
  const waId = `${prefix}${String(Date.now()).slice(-8)}`;
  const body = fixture("wa-inbound-text.json", { unique: waId }) as {
    entry: { changes: { value: { contacts: Record<string, unknown>[]; messages: Record<string, unknown>[] } }[] }[];
  };
  const value = body.entry[0].changes[0].value;
  value.contacts = [{ profile: { name }, wa_id: waId }];
  Object.assign(value.messages[0], { from: waId, text: { body: text }, timestamp: String(Math.floor(Date.now() / 1000) - 25 * 3600) });
  expect((await postWebhook(body)).status).toBe(200);
  return waId;
}

async function openTemplates(page: Page, waId: string, template: string) {
  await page.getByTestId("filter-window").selectOption("closed");
  const item = page.locator(`[data-testid=conversation-item][data-contact="${waId}"]`);
  await item.waitFor({ timeout: 15_000 });
  await item.click();
  await page.getByTestId("open-templates").click();
  await page.getByTestId("template-option").filter({ hasText: template }).click();
}

const warning = (page: Page) => page.getByTestId("template-language-warning");

describe("templates in the customer's language", () => {
  it("guesses Hindi from the customer's messages and asks twice before sending English", async () => {
    const waId = await customerWrote({ name: "Priya Nair", text: "मेरा ऑर्डर कब तक आएगा? ट्रैकिंग लिंक नहीं खुल रहा।", prefix: "9198" });
    const page = await signedInPage(browser, "agent@example.com");
    await openTemplates(page, waId, "order_update");

    // No Hindi version: the agent's own language (English) comes first, with a warning.
    expect(await page.getByTestId("template-language").inputValue()).toBe("en_US");
    expect(await page.getByTestId("customer-language").textContent()).toContain("Hindi (hi), guessed from their messages");
    await expect.poll(() => warning(page).textContent()).toContain("Priya Nair seems to write Hindi (guessed from their messages)");
    expect(await warning(page).textContent()).toContain("this template is in English");
    const chips = await page
      .getByTestId("template-option")
      .filter({ hasText: "order_update" })
      .getByTestId("template-languages")
      .textContent();
    expect(chips).toContain("English (en_US)");
    expect(chips).toContain("German (de)");

    const variables = page.getByTestId("template-variable");
    await variables.nth(0).fill("Priya");
    await variables.nth(1).fill("#60731");
    await variables.nth(2).fill("Friday");
    await page.getByTestId("template-button-variable").fill("60731");

    // The first click only asks; the warning becomes an alert and the button says what it will do.
    const send = page.getByTestId("template-send");
    await send.click();
    expect(await send.textContent()).toBe("Send in English anyway");
    expect(await warning(page).getAttribute("role")).toBe("alert");
    await screenshot(page, "template-language-warning");
    const sent = page.locator("[data-testid=message][data-direction=OUTBOUND]").filter({ hasText: "#60731" });
    expect(await sent.count()).toBe(0);
    expect(await page.getByTestId("template-picker").isVisible()).toBe(true);

    await send.click();
    await sent.waitFor({ timeout: 15_000 });
    // The message can reach the thread over the socket before the send's answer closes the picker.
    await expect.poll(() => page.getByTestId("template-picker").isVisible()).toBe(false);
  });

  it("offers the language an agent set on the contact first, and warns only when another is chosen", async () => {
    const waId = await customerWrote({ name: "Lena Hoffmann", text: "Ist meine Bestellung schon unterwegs?", prefix: "4916" });
    const contact = await db.contact.findFirstOrThrow({ where: { waId }, select: { id: true } });
    const agent = await signIn("agent@example.com");
    const saved = await agent.fetch(`/api/contacts/${contact.id}`, { method: "PATCH", body: JSON.stringify({ language: "de" }) });
    expect(saved.status).toBe(200);

    const page = await signedInPage(browser, "agent@example.com");
    await openTemplates(page, waId, "order_update");
    expect(await page.getByTestId("template-language").inputValue()).toBe("de");
    expect(await page.getByTestId("customer-language").textContent()).toContain("German (de), as set on their contact");
    expect(await warning(page).count()).toBe(0);
    const chips = page.getByTestId("template-option").filter({ hasText: "order_update" }).getByTestId("template-languages");
    expect(await chips.locator("[data-customer]").textContent()).toContain("German (de)");
    await expect.poll(() => page.getByTestId("template-preview").textContent()).toContain("Deine Bestellung ist unterwegs");

    // Choosing English on purpose says so; going back to German takes the warning away.
    await page.getByTestId("template-language").selectOption("en_US");
    await expect.poll(() => warning(page).textContent()).toBe("Lena Hoffmann reads German; this template is in English.");
    await page.getByTestId("template-language").selectOption("de");
    await expect.poll(() => warning(page).count()).toBe(0);

    // A template only approved in English: a warning from the start.
    await page.getByTestId("template-option").filter({ hasText: "appointment_reminder" }).click();
    await expect.poll(() => warning(page).textContent()).toBe("Lena Hoffmann reads German; this template is in English.");
  });
});
