import { afterAll, describe, expect, inject, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { db, disconnectDb } from "@/lib/db/client";
import { fixture, postWebhook, signIn } from "../support/http";

// The webhook fields besides messages: opt-outs, template reviews, account and number updates.

afterAll(() => disconnectDb());

function forAccount(name: string) {
  const body = fixture(name) as { entry: { id: string }[] };
  for (const entry of body.entry) entry.id = inject("wabaId");
  return body;
}

function preference(waId: string, value: "stop" | "resume", timestamp: number) {
  const body = fixture("wa-user-preferences-resume.json") as {
    entry: { changes: { value: { user_preferences: Record<string, unknown>[] } }[] }[];
  };
  body.entry[0].changes[0].value.user_preferences = [
    { wa_id: waId, detail: `User requested to ${value} marketing messages`, category: "marketing_messages", value, timestamp },
  ];
  return body;
}

describe("user_preferences", () => {
  it("records marketing stop and resume on the contact, in the audit trail, whatever the order", async () => {
    const waId = `4420${Date.now().toString().slice(-8)}`;
    const now = Math.floor(Date.now() / 1000);

    expect((await postWebhook(preference(waId, "stop", now - 60))).status).toBe(200);
    let contact = await db.contact.findFirstOrThrow({ where: { waId } });
    expect(contact.marketingOptOut).toBe(true);

    expect((await postWebhook(preference(waId, "resume", now))).status).toBe(200);
    // An older "stop" delivered late must not undo the newer "resume".
    expect((await postWebhook(preference(waId, "stop", now - 30))).status).toBe(200);
    contact = await db.contact.findFirstOrThrow({ where: { waId } });
    expect(contact.marketingOptOut).toBe(false);

    const events = await db.auditEvent.findMany({ where: { targetId: contact.id }, orderBy: { seq: "asc" } });
    expect(events.map((event) => event.action)).toEqual(["contact.marketing_stopped", "contact.marketing_resume"]);
    expect(events[0].reason).toContain("stop marketing");
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });
});

describe("the audit trail", () => {
  it("cannot be changed or deleted, even with raw SQL", async () => {
    const event = await db.auditEvent.findFirst();
    expect(event).not.toBeNull();
    await expect(db.$executeRaw`UPDATE "AuditEvent" SET reason = 'edited' WHERE id = ${event!.id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "AuditEvent" WHERE id = ${event!.id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`TRUNCATE "AuditEvent"`).rejects.toThrow(/append-only/);
  });
});

describe("template, number and account updates", () => {
  it("keeps a rejected template's status and reason, and alerts admins", async () => {
    expect((await postWebhook(forAccount("wa-template-status-rejected-invalid-format.json"))).status).toBe(200);
    const template = await db.template.findFirstOrThrow({ where: { name: "abandoned_cart", language: "en" } });
    expect(template.status).toBe("REJECTED");
    expect(template.reason).toContain("parameters placed next to each other");
    expect(await db.channelAlert.count({ where: { kind: "template_rejected" } })).toBeGreaterThan(0);

    expect((await postWebhook(forAccount("wa-template-status-approved.json"))).status).toBe(200);
  });

  it("shows an account restriction to admins as a banner they can dismiss, and not to agents", async () => {
    expect((await postWebhook(forAccount("wa-account-update-account-restriction.json"))).status).toBe(200);
    const alert = await db.channelAlert.findFirstOrThrow({ where: { kind: "account_restriction" }, orderBy: { createdAt: "desc" } });
    expect(alert.summary).toMatch(/Meta restricted the WhatsApp account: Biz initiated messaging until [A-Z][a-z]{2} \d{1,2}, \d{4}/);

    // The page carries every alert's wording in its messages (a notification may quote one), so
    // look for the banner itself and the restriction it names.
    const admin = await signIn("admin@example.com");
    const adminPage = await (await admin.fetch("/inbox")).text();
    expect(adminPage).toContain('data-testid="alert-banner"');
    expect(adminPage).toMatch(/Meta restricted the WhatsApp account: Biz initiated messaging/);
    const agent = await signIn("agent@example.com");
    const agentPage = await (await agent.fetch("/inbox")).text();
    expect(agentPage).not.toContain('data-testid="alert-banner"');
    expect(agentPage).not.toMatch(/Meta restricted the WhatsApp account: Biz initiated messaging/);
    expect((await agent.fetch(`/api/channel-alerts/${alert.id}/dismiss`, { method: "POST" })).status).toBe(403);

    expect((await admin.fetch(`/api/channel-alerts/${alert.id}/dismiss`, { method: "POST" })).status).toBe(200);
    expect((await db.channelAlert.findUniqueOrThrow({ where: { id: alert.id } })).dismissedAt).not.toBeNull();
  });

  it.each(["wa-account-update-account-violation.json", "wa-account-update-disabled.json", "wa-account-update-volume-tier.json"])(
    "keeps %s as a readable alert",
    async (name) => {
      const before = await db.channelAlert.count();
      const response = await postWebhook(forAccount(name));
      expect(response.status).toBe(200);
      const latest = await db.channelAlert.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
      expect(await db.channelAlert.count()).toBe(before + 1);
      expect(latest.summary).not.toMatch(/undefined|\[object/);
    },
  );

  it("keeps an update for an unknown account in the log as failed, and answers 200", async () => {
    const body = fixture("wa-account-update-disabled.json") as { entry: { id: string }[] };
    body.entry[0].id = "999999999999999";
    const response = await postWebhook(body);
    expect(response.status).toBe(200);
    const { event } = (await response.json()) as { event: string };
    const logged = await db.webhookEvent.findUniqueOrThrow({ where: { id: event } });
    expect(logged.state).toBe("FAILED");
    expect(logged.error).toContain("999999999999999");
  });
});
