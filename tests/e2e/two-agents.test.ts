import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, screenshot, signedInPage } from "../support/browser";
import { fixture, postWebhook } from "../support/http";

// Two agents in two browsers on one inbox: presence, typing, assignment, private notes, the
// closed 24 h window with a template, and blocking with a reason.

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A customer's message as Meta would deliver it, written `hoursAgo`. */
async function customerWrote({ name, text, hoursAgo }: { name: string; text: string; hoursAgo: number }) {
  const waId = `4915${String(Date.now()).slice(-8)}`;
  const body = fixture("wa-inbound-text.json", { unique: waId }) as {
    entry: { changes: { value: { contacts: Record<string, unknown>[]; messages: Record<string, unknown>[] } }[] }[];
  };
  const value = body.entry[0].changes[0].value;
  value.contacts = [{ profile: { name }, wa_id: waId }];
  Object.assign(value.messages[0], {
    from: waId,
    text: { body: text },
    timestamp: String(Math.floor(Date.now() / 1000) - hoursAgo * 3600),
  });
  const response = await postWebhook(body);
  expect(response.status).toBe(200);
  return waId;
}

async function open(page: Page, waId: string) {
  const item = page.locator(`[data-testid=conversation-item][data-contact="${waId}"]`);
  await item.waitFor({ timeout: 15_000 });
  await item.click();
  await page.getByTestId("composer").or(page.getByTestId("composer-locked")).first().waitFor();
}

describe("two agents sharing the inbox", () => {
  it("see each other, hand over, keep notes private and reply", async () => {
    const alex = await signedInPage(browser, "agent@example.com");
    const sam = await signedInPage(browser, "agent2@example.com");
    // Through the simulator's phone, so the simulator knows the customer wrote and lets replies through.
    const waId = `4917${String(Date.now()).slice(-8)}`;
    const wrote = await fetch(`${inject("baseUrl")}/api/simulator/customers/${waId}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Jonas Becker", text: "Can the oak table be delivered on Friday?" }),
    });
    expect(wrote.status).toBe(201);

    await open(alex, waId);
    await open(sam, waId);
    await expect.poll(() => alex.getByTestId("presence-text").textContent(), { timeout: 10_000 }).toContain("Sam Support is also viewing");

    await sam.getByTestId("composer").pressSequentially("Let me check", { delay: 20 });
    await expect.poll(() => alex.getByTestId("presence-text").textContent(), { timeout: 10_000 }).toContain("Sam Support is typing");
    await screenshot(alex, "inbox-two-agents");
    await sam.getByTestId("composer").fill("");

    // Alex hands the conversation to Sam; Sam's screen shows it and notifies him.
    await alex.getByTestId("assign-button").click();
    await alex
      .getByTestId("assign-menu")
      .getByRole("button", { name: /Sam Support/ })
      .click();
    await expect
      .poll(() => sam.locator(`[data-testid=conversation-item][data-contact="${waId}"]`).textContent(), { timeout: 10_000 })
      .toContain("Sam Support");
    await expect
      .poll(() => sam.getByTestId("toast").allTextContents(), { timeout: 10_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining("assigned you")]));
    await alex.locator("[data-testid=activity]").filter({ hasText: "assigned the conversation to Sam Support" }).waitFor();

    // A private note reaches the colleague, never the customer.
    await alex.getByTestId("mode-note").click();
    await alex.getByTestId("composer").fill("Heads up @Sam, the oak table is back-ordered");
    await alex.getByTestId("composer").press("Enter");
    await sam.getByTestId("note").filter({ hasText: "back-ordered" }).waitFor({ timeout: 10_000 });

    await sam.getByTestId("composer").fill("Yes, Friday works. We'll send a time slot tomorrow.");
    await sam.getByTestId("composer").press("Enter");
    const reply = sam.locator("[data-testid=message][data-direction=OUTBOUND]").filter({ hasText: "Friday works" });
    await expect.poll(() => reply.getByTestId("ticks").getAttribute("data-status"), { timeout: 15_000 }).toBe("READ");

    const phone = (await (await fetch(`${inject("baseUrl")}/api/simulator/customers/${waId}/messages`)).json()) as {
      items: { text: string }[];
    };
    const texts = phone.items.map((message) => message.text).join("\n");
    expect(texts).toContain("Friday works");
    expect(texts).not.toContain("back-ordered");
  });

  it("locks free text after 24 h, sends a template, and blocks with a reason", async () => {
    const alex = await signedInPage(browser, "agent@example.com");
    const waId = await customerWrote({ name: "Ines Vogel", text: "Is my order shipped?", hoursAgo: 25 });
    await alex.getByTestId("filter-window").selectOption("closed");
    await open(alex, waId);

    expect(await alex.getByTestId("window-badge").first().getAttribute("data-window")).toBe("closed");
    await alex.getByTestId("composer-locked").waitFor();
    expect(await alex.getByTestId("composer").count()).toBe(0);

    await alex.getByTestId("open-templates").click();
    await alex.getByTestId("template-option").filter({ hasText: "order_update" }).click();
    const variables = alex.getByTestId("template-variable");
    await variables.nth(0).fill("Ines");
    await variables.nth(1).fill("#50412");
    await variables.nth(2).fill("Monday");
    await alex.getByTestId("template-button-variable").fill("50412");
    await expect.poll(() => alex.getByTestId("template-preview").textContent()).toContain("Hi Ines, your order #50412 has shipped");
    expect(await alex.getByTestId("template-cost").textContent()).toMatch(/Estimated cost: 0\.0768 USD/);
    await screenshot(alex, "template-picker");
    await alex.getByTestId("template-send").click();

    const sent = alex.locator("[data-testid=message][data-direction=OUTBOUND]").filter({ hasText: "#50412" });
    await expect.poll(() => sent.getByTestId("ticks").getAttribute("data-status"), { timeout: 15_000 }).toBe("READ");

    await alex.getByTestId("block-button").click();
    await alex.getByTestId("reason-dialog").waitFor();
    await alex.getByTestId("reason-input").fill("Abusive messages to the team");
    await alex.getByTestId("reason-dialog").getByRole("button", { name: "Block" }).click();
    await alex.getByTestId("blocked-badge").waitFor({ timeout: 10_000 });
    // Meta only blocks customers who wrote in the last 24 h: the panel says so, and blocks here.
    expect(await alex.getByTestId("block-notice").textContent()).toContain("last 24 hours");
    expect(await alex.getByTestId("contact-history").textContent()).toContain("Abusive messages to the team");
    await screenshot(alex, "contact-blocked");
  });
});
