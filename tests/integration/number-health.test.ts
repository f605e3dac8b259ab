import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import type { NumberHealth } from "@/components/api/types";
import type { NotificationDto } from "@/lib/conversations/types";
import { eventFormats } from "@/lib/i18n/event-formats";
import type { Translate } from "@/lib/i18n/phrase";
import { translator } from "@/lib/i18n/translator";
import { alertText } from "@/lib/whatsapp/account-alerts";
import { baseUrl, signIn, type Session } from "../support/http";
import { simulatorGraph } from "./sending";
import { eventually, testChannel } from "./factories";

// The number's health with the simulator playing Meta: its fields, Meta's reports landing in the
// timeline (name review, quality), the banner and notifications for admins, the two-step PIN that
// never shows up anywhere, the blue tick, and who may do what.

let admin: Session;
let channelId: string;
let phoneNumberId: string;
const healthPath = () => `/api/channels/${channelId}/health`;

beforeAll(async () => {
  admin = await signIn("admin@example.com");
  const channel = await testChannel();
  channelId = channel.id;
  phoneNumberId = channel.phoneNumberId!;
});
afterAll(async () => {
  await simulatorNumber({ quality: "GREEN", limit: "TIER_2K" });
  await disconnectDb();
});

async function health(): Promise<NumberHealth> {
  const response = await admin.fetch(healthPath());
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as NumberHealth;
}
const timelineHas = (kind: string, after: Date) =>
  eventually(async () => (await health()).timeline.find((entry) => entry.kind === kind && new Date(entry.at) >= after) ?? null, {
    what: `a ${kind} entry in the timeline`,
    timeoutMs: 20_000,
  });
function simulatorNumber(changes: Record<string, string>) {
  return fetch(`${baseUrl()}/api/simulator/number`, {
    method: "PATCH",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(changes),
  });
}
const post = (suffix: string, body: unknown) =>
  admin.fetch(`/api/channels/${channelId}/number/${suffix}`, { method: "POST", body: JSON.stringify(body) });

describe("the number as Meta reports it", () => {
  it("reads Meta's fields", async () => {
    const { number } = await health();
    expect(number).toMatchObject({
      verified_name: expect.any(String),
      quality_rating: expect.stringMatching(/^(GREEN|YELLOW|RED)$/),
      messaging_limit_tier: expect.stringMatching(/^TIER_/),
      throughput: { level: expect.any(String) },
      code_verification_status: "VERIFIED",
      platform_type: "CLOUD_API",
      is_official_business_account: expect.any(Boolean),
    });
  });

  it("lands a quality drop and a lower limit in the timeline, with a banner and a notification for admins", async () => {
    const since = new Date(Date.now() - 1_000);
    expect((await simulatorNumber({ quality: "GREEN", limit: "TIER_10K" })).status).toBe(200);
    expect((await simulatorNumber({ quality: "YELLOW" })).status).toBe(200);
    const flagged = await timelineHas("quality_flagged", since);
    expect(flagged.advice).toMatch(/marketing/);
    expect((await simulatorNumber({ limit: "TIER_250" })).status).toBe(200);
    await timelineHas("quality_downgrade", since);
    expect((await health()).number?.quality_rating).toBe("YELLOW");

    expect(await (await admin.fetch("/inbox")).text()).toContain("quality rating of");
    const { items } = (await (await admin.fetch("/api/notifications")).json()) as { items: NotificationDto[] };
    expect(items.some((item) => item.kind === "channel" && item.params.alert?.kind === "quality_downgrade")).toBe(true);
  });
});

describe("the display name", () => {
  it("checks Meta's rules before asking", async () => {
    const response = await post("display-name", { name: "NORTHWIND FURNITURE!!" });
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as { error: { fields: Record<string, string> } };
    expect(error.fields.name).toMatch(/\.$/);
  });

  it("follows the review until Meta decides, and tells admins", async () => {
    const since = new Date(Date.now() - 1_000);
    const response = await post("display-name", { name: "Northwind Home" });
    expect(response.status, await response.clone().text()).toBe(202);
    expect((await health()).number?.new_name_status).toBe("PENDING_REVIEW");
    await timelineHas("name_approved", since);
    expect((await health()).number?.verified_name).toBe("Northwind Home");
    const { items } = (await (await admin.fetch("/api/notifications")).json()) as { items: NotificationDto[] };
    const approved = items.find((item) => item.params.alert?.kind === "name_approved");
    expect(approved && alertText(approved.params.alert!, translator("en") as Translate, eventFormats("en"))).toBe(
      'Display name "Northwind Home" was approved.',
    );
  });

  it("shows a refusal from Meta's review (a name asked for elsewhere) in the timeline and the banner", async () => {
    const since = new Date(Date.now() - 1_000);
    expect((await simulatorGraph("POST", phoneNumberId, { new_display_name: "BEST DEALS!!!" })).status).toBe(200);
    const rejected = await timelineHas("name_rejected", since);
    expect(rejected.summary).toContain("rejected");
    expect(await (await admin.fetch("/inbox")).text()).toContain("Display name &quot;BEST DEALS!!!&quot; was rejected");
  });
});

describe("two-step verification and the blue tick", () => {
  const pin = "482913";

  it("asks for the admin's password, and the PIN appears in no response, audit event or log line", async () => {
    const wrong = await post("two-step-pin", { pin, password: "not my password" });
    expect(wrong.status).toBe(422);
    const wrongText = await wrong.text();
    expect(wrongText).toContain("password");
    expect(wrongText).not.toContain(pin);

    const right = await post("two-step-pin", { pin, password: "switchboard" });
    const rightText = await right.text();
    expect(right.status, rightText).toBe(200);
    expect(rightText).not.toContain(pin);
    expect(JSON.stringify(await health())).not.toContain(pin);

    const events = await db.auditEvent.findMany({ where: { targetId: channelId } });
    expect(events.some((event) => event.action === "number.two_step_pin_set")).toBe(true);
    expect(JSON.stringify(events, (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value))).not.toContain(pin);
    expect(JSON.stringify(await db.channelMetaState.findMany())).not.toContain(pin);
    const log = readFileSync(path.join(import.meta.dirname, "../../test-results/integration-server.log"), "utf8");
    expect(log).not.toContain(pin);
  });

  it("requests the blue tick with its checklist, and Meta's decision lands in the timeline", async () => {
    const before = await health();
    expect(before.blueTick.checklist.find((item) => item.id === "two-step")?.met).toBe(true);
    const incomplete = await post("official-business-account", { business_website_url: "https://northwind.example" });
    expect(incomplete.status).toBe(422);

    const since = new Date(Date.now() - 1_000);
    const response = await post("official-business-account", {
      business_website_url: "https://northwind.example",
      primary_country_of_operation: "DE",
      primary_language: "German",
      supporting_links: ["https://news.example/northwind-furniture"],
    });
    expect(response.status, await response.clone().text()).toBe(202);
    await timelineHas("alert_oba_approved", since);
    expect((await health()).number?.is_official_business_account).toBe(true);
  });
});

describe("who may", () => {
  it("lets a manager read but not act, and an agent neither", async () => {
    const manager = await signIn("manager@example.com");
    expect((await manager.fetch(healthPath())).status).toBe(200);
    expect(
      (
        await manager.fetch(`/api/channels/${channelId}/number/display-name`, {
          method: "POST",
          body: JSON.stringify({ name: "Northwind" }),
        })
      ).status,
    ).toBe(403);
    const agent = await signIn("agent@example.com");
    expect((await agent.fetch(healthPath())).status).toBe(403);
  });
});
