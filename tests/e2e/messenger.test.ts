import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { launchBrowser, screenshot, signedInPage } from "../support/browser";

// Messenger beside WhatsApp, as an agent lives it: a customer writes from the simulator's
// Messenger page and another from its WhatsApp phone; both land in the one list, marked by
// channel; the agent answers both from it, and the Messenger reply is read. Then the same customer
// on both channels is linked, and a reply past 24 h goes out as a confirmed HUMAN_AGENT reply.

let browser: Browser;
const run = String(Date.now()).slice(-7);
const psid = `72000${run}0001`;
const waId = `49171${run}`;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await db.channel.update({ where: { pageId: inject("pageId") }, data: { humanAgentEnabled: false } });
  await browser?.close();
  await disconnectDb();
});

async function phone(channel: "whatsapp" | "messenger"): Promise<Page> {
  const page = await browser.newPage({ baseURL: inject("baseUrl"), viewport: { width: 1200, height: 760 } });
  await page.goto(channel === "messenger" ? "/simulator?channel=messenger" : "/simulator");
  return page;
}

const item = (agent: Page, channel: string, contact: string) =>
  agent.locator(`[data-testid=conversation-item][data-channel=${channel}][data-contact="${contact}"]`);

describe("Messenger and WhatsApp in one inbox", () => {
  it("takes a customer on each, answers both from the same list, and sees the Messenger reply read", async () => {
    const agent = await signedInPage(browser, "agent@example.com");
    await expect.poll(() => agent.getByTestId("live-indicator").getAttribute("data-connected")).toBe("true");

    const messenger = await phone("messenger");
    await messenger.getByTestId("sim-psid").fill(psid);
    await messenger.getByTestId("sim-m-name").fill(`Elin Berg ${run}`);
    await messenger.getByTestId("sim-m-text").fill("Hej! Do you deliver the oak bookshelf to Malmö?");
    await messenger.getByTestId("sim-m-send").click();

    const whatsapp = await phone("whatsapp");
    await whatsapp.getByTestId("sim-phone").fill(waId);
    await whatsapp.getByTestId("sim-name").fill(`Elin Berg ${run}`);
    await whatsapp.getByTestId("sim-text").fill("Writing here too: can I pay on delivery?");
    await whatsapp.getByRole("button", { name: "Send" }).click();

    const onMessenger = item(agent, "messenger", psid);
    const onWhatsApp = item(agent, "whatsapp", waId);
    await onMessenger.waitFor({ timeout: 20_000 });
    await onWhatsApp.waitFor({ timeout: 20_000 });
    expect(await onMessenger.getByTestId("channel-mark").getAttribute("data-channel")).toBe("messenger");
    expect(await onMessenger.getByTestId("billing-badge").count()).toBe(0);
    expect(await onMessenger.getByTestId("window-badge").getAttribute("data-window")).toBe("open");

    // The Messenger reply: sent through the Send API, echoed, delivered, and read on the "phone".
    await onMessenger.click();
    await agent.getByTestId("message-text").filter({ hasText: "oak bookshelf" }).waitFor();
    expect(await agent.getByTestId("open-templates").count()).toBe(0);
    await agent.getByTestId("composer").fill("Yes, we deliver to Malmö within a week.");
    await agent.getByTestId("composer").press("Enter");
    const reply = agent.locator("[data-testid=message][data-direction=OUTBOUND]").filter({ hasText: "Malmö within a week" });
    await reply.waitFor();
    await expect.poll(() => reply.getByTestId("ticks").getAttribute("data-status"), { timeout: 20_000 }).toBe("READ");
    await expect
      .poll(() => agent.locator("[data-testid=message][data-direction=OUTBOUND]").filter({ hasText: "Malmö within a week" }).count())
      .toBe(1);
    await messenger
      .locator("[data-testid=sim-m-message][data-direction=from-page]")
      .filter({ hasText: "Malmö" })
      .waitFor({ timeout: 10_000 });
    await screenshot(agent, "inbox-messenger");
    await screenshot(messenger, "simulator-messenger");

    // The WhatsApp reply, from the same list.
    await onWhatsApp.click();
    await agent.getByTestId("message-text").filter({ hasText: "pay on delivery" }).waitFor();
    await agent.getByTestId("composer").fill("Yes, card or cash on delivery.");
    await agent.getByTestId("composer").press("Enter");
    const answer = agent.locator("[data-testid=message][data-direction=OUTBOUND]").filter({ hasText: "card or cash" });
    await expect.poll(() => answer.getByTestId("ticks").getAttribute("data-status"), { timeout: 20_000 }).toBe("READ");
    await whatsapp.locator("[data-testid=sim-message][data-direction=from-business]").filter({ hasText: "card or cash" }).waitFor();

    // The channel filter keeps one platform's conversations.
    await agent.getByTestId("filter-channel").selectOption("messenger");
    await expect.poll(() => agent.locator("[data-testid=conversation-item][data-channel=whatsapp]").count()).toBe(0);
    expect(await onMessenger.count()).toBe(1);
    await agent.getByTestId("filter-channel").selectOption("");
  });

  it("links the customer's two contacts as one person, showing both conversations", async () => {
    const agent = await signedInPage(browser, "agent@example.com");
    await item(agent, "messenger", psid).click();
    const panel = agent.getByTestId("contact-panel");
    await panel.getByTestId("link-contact").click();
    await panel.getByTestId("link-search-input").fill(waId.slice(-6));
    await panel.getByTestId("link-candidate").first().click();
    const linked = panel.getByTestId("linked-contact");
    await linked.waitFor();
    expect(await linked.textContent()).toContain(`Elin Berg ${run}`);
    expect(await linked.getByRole("button").filter({ hasText: "card or cash" }).count()).toBe(1);
    await screenshot(agent, "contact-linked");

    // The WhatsApp conversation opens from the Messenger contact's panel.
    await linked.getByRole("button").filter({ hasText: "card or cash" }).click();
    await expect.poll(() => agent.getByTestId("thread-title").textContent()).toBe(`Elin Berg ${run}`);
    await agent.getByTestId("message-text").filter({ hasText: "pay on delivery" }).waitFor();
  });

  it("past 24 h, offers a reply only as a confirmed HUMAN_AGENT reply on a Page marked for it", async () => {
    const conversation = await db.conversation.findFirstOrThrow({ where: { contact: { psid } } });
    const past = new Date(Date.now() - 30 * 3_600_000);
    await db.conversation.update({ where: { id: conversation.id }, data: { lastInboundAt: past } });
    await db.simulatorMessage.updateMany({ where: { customerWaId: psid, direction: "INBOUND" }, data: { createdAt: past } });
    await db.simulatorPage.upsert({
      where: { pageId: inject("pageId") },
      create: { pageId: inject("pageId"), humanAgent: true },
      update: { humanAgent: true },
    });

    const agent = await signedInPage(browser, "agent@example.com");
    await agent.goto(`/inbox/${conversation.id}`);
    await agent.getByTestId("composer-locked").waitFor();
    expect(await agent.getByTestId("composer-locked").textContent()).toMatch(/isn't marked as having that permission/);

    await db.channel.update({ where: { pageId: inject("pageId") }, data: { humanAgentEnabled: true } });
    await agent.reload();
    await agent.getByTestId("human-agent").waitFor();
    expect(await agent.locator("main header [data-testid=window-badge]").getAttribute("data-window")).toBe("human_agent");
    await agent.getByTestId("composer").fill("Following up: the bookshelf ships tomorrow.");
    expect(await agent.getByTestId("send-button").isDisabled()).toBe(true);
    await agent.getByTestId("human-agent-confirm").check();
    await agent.getByTestId("linked-person").waitFor();
    await screenshot(agent, "messenger-human-agent");
    await agent.getByTestId("send-button").click();
    const tagged = agent.locator("[data-testid=message][data-direction=OUTBOUND]").filter({ hasText: "ships tomorrow" });
    await expect.poll(() => tagged.getByTestId("ticks").getAttribute("data-status"), { timeout: 20_000 }).toMatch(/DELIVERED|READ/);
    const sent = await db.message.findFirstOrThrow({ where: { conversationId: conversation.id, text: { contains: "ships tomorrow" } } });
    expect(sent.content).toMatchObject({ messaging: { type: "MESSAGE_TAG", tag: "HUMAN_AGENT" } });
  });
});
