import type { Browser, BrowserContext, Page } from "playwright-core";
import pg from "pg";
import { scratchDatabase } from "../support/scratch-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServerProcess } from "../../scripts/lib/server-process";
import { setupLinks, strongPassword } from "../integration/accounts-support";
import { launchBrowser, screenshot } from "../support/browser";
import { settings, startServer } from "../support/stack";
import { startSmtpSink } from "./smtp-sink";

// A brand-new install, in two browsers: the operator opens the setup link the server printed,
// becomes the first admin and invites an agent (the link is copied and also e-mailed); the agent
// accepts in their own browser and works the inbox; the admin deactivates them and the agent's open
// page loses access at once. Then the admin's own account: preferences, a new password that keeps
// this browser signed in, and signing out everywhere.

const LOG = "first-run-e2e.log";
let browser: Browser;
let server: ServerProcess;
let database: Awaited<ReturnType<typeof scratchDatabase>>;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let setupLink: string;
let inboxId: string;

beforeAll(async () => {
  browser = await launchBrowser();
  database = await scratchDatabase("first_run");
  smtp = await startSmtpSink();
  const before = printedLinks().length;
  server = await startServer({
    databaseUrl: database.url,
    logName: LOG,
    env: { SEED_DEMO: "false", SMTP_URL: smtp.url, MAIL_FROM: "Switchboard <inbox@example.test>" },
  });
  setupLink = printedLinks().at(-1)!;
  expect(printedLinks()).toHaveLength(before + 1);
  // The configured WhatsApp number is an inbox from the first start; the admin will grant it.
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const { rows } = await client.query<{ id: string }>(
    `UPDATE "Inbox" SET name = 'Harbour Bikes' WHERE "channelId" = (SELECT id FROM "Channel" WHERE "phoneNumberId" = $1) RETURNING id`,
    [settings.phoneNumberId],
  );
  await client.end();
  expect(rows).toHaveLength(1);
  inboxId = rows[0]!.id;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.stop();
  await database?.drop();
});

function printedLinks(): string[] {
  try {
    return setupLinks(LOG);
  } catch {
    return [];
  }
}

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1360, height: 820 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.baseUrl });
  return { context, page: await context.newPage() };
}

/** What nodemailer sent, with quoted-printable soft breaks and escapes undone. */
function decoded(data: string): string {
  return data.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

describe("first run, in two browsers", () => {
  it("sets up the admin, invites an agent who joins, cuts the agent off live, then manages the admin's own account", async () => {
    // The customer writes first, so the agent has something to see.
    const waId = `3519${String(Date.now()).slice(-8)}`;
    const wrote = await fetch(`${server.baseUrl}/api/simulator/customers/${waId}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Rui Marques", text: "Is the blue cargo bike back in stock?" }),
    });
    expect(wrote.status).toBe(201);

    const { page: admin } = await newPage();
    await admin.goto(setupLink);
    await admin.getByLabel("Your name").fill("Olu Owner");
    await admin.getByLabel("Email").fill("owner@example.test");
    const password = strongPassword();
    await admin.getByLabel("Password", { exact: true }).fill("short");
    expect(await admin.getByTestId("password-rules").locator("[data-ok=true]").count()).toBe(0);
    await admin.getByLabel("Password", { exact: true }).fill(password);
    await admin.getByLabel("Type it again").fill(password);
    await expect.poll(() => admin.getByTestId("password-rules").locator("[data-ok=true]").count()).toBe(3);
    await admin.getByRole("button", { name: "Create admin account" }).click();
    await admin.waitForURL("**/settings/users");
    await admin.getByTestId("user-row").filter({ hasText: "owner@example.test" }).waitFor();

    // Invite the agent to the inbox; the link is shown once, copied, and e-mailed.
    await admin.getByTestId("invite-button").click();
    await admin.getByTestId("invite-form").getByLabel("Email").fill("rita@example.test");
    await admin.getByTestId("invite-form").getByLabel("Name").fill("Rita Rider");
    // The number's inbox; the configuration's Facebook Page is an inbox of its own, left unticked.
    await admin.getByTestId("invite-inboxes").getByLabel("Harbour Bikes").check();
    await admin.getByRole("button", { name: "Create invitation" }).click();
    const shown = await admin.getByTestId("issued-link").inputValue();
    expect(shown).toMatch(new RegExp(`^${server.baseUrl}/invite\\?token=`));
    await admin.getByTestId("copy-link").click();
    await expect.poll(() => admin.getByTestId("copy-link").textContent()).toBe("Copied");
    const link = await admin.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(shown);
    expect(await admin.getByTestId("invite-link-dialog").textContent()).toContain("Also e-mailed to rita@example.test");
    const mail = smtp.mails.find((message) => message.to.some((to) => to.includes("rita@example.test")));
    expect(mail).toBeDefined();
    expect(decoded(mail!.data)).toContain(link);
    expect(decoded(mail!.data)).toContain("Olu Owner has invited you to Switchboard");
    await admin.getByRole("button", { name: "Done" }).click();
    await admin.getByTestId("invite-row").filter({ hasText: "rita@example.test" }).waitFor();

    // The agent, in a browser of their own.
    const { page: agent } = await newPage();
    await agent.goto(link);
    expect(await agent.getByTestId("invite-summary").textContent()).toBe("Olu Owner invited you as agent in Harbour Bikes.");
    expect(await agent.getByLabel("Your name").inputValue()).toBe("Rita Rider");
    const agentPassword = strongPassword();
    await agent.getByLabel("Choose a password").fill(agentPassword);
    await agent.getByLabel("Type it again").fill(agentPassword);
    await agent.getByRole("button", { name: "Join and sign in" }).click();
    await agent.waitForURL("**/inbox");
    await agent.locator(`[data-testid=conversation-item][data-contact="${waId}"]`).waitFor({ timeout: 15_000 });
    await expect.poll(() => agent.getByTestId("live-indicator").getAttribute("data-connected"), { timeout: 10_000 }).toBe("true");

    // The admin sees Rita online and takes the Users page's picture; then /account's.
    await admin.reload();
    const rita = admin.getByTestId("user-row").filter({ hasText: "rita@example.test" });
    await expect.poll(() => rita.textContent(), { timeout: 10_000 }).toContain("Online now");
    expect(await rita.getByTestId("user-inboxes").textContent()).toBe("Harbour Bikes");
    expect(await admin.getByTestId("invites-table").count()).toBe(0);
    // One more invitation, still pending, so the picture shows both tables.
    const pending = await admin.request.post("/api/invites", {
      data: { email: "sam@example.test", name: "Sam Saddle", role: "MANAGER", inboxIds: [inboxId] },
    });
    expect(pending.status()).toBe(201);
    await admin.reload();
    await admin.getByTestId("invite-row").filter({ hasText: "sam@example.test" }).waitFor();
    await screenshot(admin, "users");

    // Deactivate, after a confirmation; the agent's open inbox is sent to the sign-in page.
    await rita.getByRole("button", { name: "Deactivate Rita Rider" }).click();
    await admin.getByTestId("confirm-dialog").getByRole("button", { name: "Deactivate" }).click();
    await expect.poll(() => admin.getByTestId("users-notice").textContent()).toContain("Rita Rider is deactivated");
    await agent.waitForURL("**/login**", { timeout: 10_000 });
    const refused = await agent.request.get("/api/conversations");
    expect(refused.status()).toBe(401);
    await expect.poll(() => rita.getByTestId("user-status").textContent()).toBe("Deactivated");

    await admin.getByTestId("current-user").click();
    await admin.waitForURL("**/account");
    await admin.getByLabel("Time zone").selectOption("Europe/Lisbon");
    await admin.getByLabel("Language").selectOption("tl");
    await admin.getByTestId("profile-form").getByRole("button", { name: "Save" }).click();
    // The page speaks Tagalog at once; following the browser (English here) brings English back.
    await admin.getByRole("heading", { name: "Ang account mo" }).waitFor();
    await expect.poll(() => admin.getByTestId("profile-form").getByRole("status").textContent()).toBe("Na-save na.");
    await admin.getByTestId("profile-form").locator("select[name=locale]").selectOption("");
    await admin.getByTestId("profile-form").getByRole("button", { name: "I-save" }).click();
    await admin.getByRole("heading", { name: "Your account" }).waitFor();
    await expect.poll(() => admin.getByTestId("profile-form").getByRole("status").textContent()).toBe("Saved.");
    await admin.setViewportSize({ width: 1360, height: 1120 });
    await screenshot(admin, "account");

    // A new password ends every session, yet this browser stays signed in: it signs in again.
    const changePassword = admin.getByTestId("change-password-form");
    const newPassword = strongPassword();
    await changePassword.getByLabel("Current password").fill(password);
    await changePassword.getByLabel("New password").fill(newPassword);
    await changePassword.getByLabel("Type it again").fill(newPassword);
    await changePassword.getByRole("button", { name: "Change password" }).click();
    await expect.poll(() => changePassword.getByRole("status").textContent(), { timeout: 10_000 }).toContain("Password changed");
    await admin.reload();
    expect(new URL(admin.url()).pathname).toBe("/account");

    // "Sign out everywhere" ends this session too: even a copy of its cookie opens nothing now.
    const cookie = (await admin.context().cookies()).map((entry) => `${entry.name}=${entry.value}`).join("; ");
    await admin.getByTestId("sign-out-everywhere").click();
    await admin.getByTestId("confirm-dialog").getByRole("button", { name: "Sign out everywhere" }).click();
    await admin.waitForURL("**/login**");
    expect((await fetch(`${server.baseUrl}/api/account`, { headers: { cookie } })).status).toBe(401);
  });
});
