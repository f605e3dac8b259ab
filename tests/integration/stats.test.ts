import { randomInt, randomUUID } from "node:crypto";
import pg from "pg";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import type { ConversationStats, CostStats, DrillDownPage, FailureStats, MessageStats } from "@/lib/stats/contract";
import { messageRows } from "@/lib/stats/message-rows";
import { rebuildStats } from "@/lib/stats/rebuild-stats";
import { baseUrl, signIn, type Session } from "../support/http";
import { deliver, eventually, inboundTextBody, statusBody, uniqueTag } from "./factories";

// The statistics against a history built by hand, through the real ingest path (signed status and
// message webhooks into the server's own fold), in an inbox of its own so other files' traffic
// never enters the totals. Every expected figure below is worked out from the table of messages.
//
// Messages (createdAt, UTC), in Asia/Kolkata days (+5:30) — day 1 is Nov 1, day 2 is Nov 2:
//  1  11-01 18:20  A1  IN  template order_update:en_US  sent+1 delivered+4 read+31, billable marketing; customer writes 18:25 → replied
//  2  11-01 18:40  A1  IN  text                         sent+1 read+11, then delivered+5 (after the read); free service
//  3  11-02 04:30  A2  US  audio                        sent+1 delivered+2; customer writes 04:31 before the read receipt; read+20 played+40; free
//  4  11-02 10:00  A2  GB  template promo:en_GB         failed 131026
//  5  11-02 12:00  A1  NP  interactive                  sent+1
//  6  11-02 13:00  A1  IN  template order_update:en_US  queued (conversation 2: team T, label L)
//  7  11-02 14:00  A2  IN  template order_update:hi     delivered+3 arrives before sent+1; read+121; billable utility (conversation 2)
//  8  11-02 14:05  A1  IN  a private note               never counts
//  9  11-02 18:35  A1  IN  text                         sent+1 delivered+2 — Nov 3 in Kolkata, Nov 2 in New York

const NOV1_IST = "2026-10-31T18:30:00.000Z";
const NOV3_IST = "2026-11-02T18:30:00.000Z";

let manager: Session;
let agentSession: Session;
let channelId: string;
let phoneNumberId: string;
const agents: { id: string; email: string }[] = [];
let teamId: string;
let labelId: string;
let openedAt: Date;
let waitingSince: Date;
const waIds = { in1: "", in2: "", us: "", gb: "", np: "" };
const conversations: Record<keyof typeof waIds, string> = { in1: "", in2: "", us: "", gb: "", np: "" };
const wamids: Record<number, string> = {};

const at = (iso: string, plusSeconds = 0) => Math.floor(new Date(iso).getTime() / 1000) + plusSeconds;

async function receipt(
  message: number,
  status: "sent" | "delivered" | "read" | "played" | "failed",
  unix: number,
  extra: { pricing?: Record<string, unknown>; errors?: unknown[] } = {},
) {
  const body = statusBody({ wamid: wamids[message]!, status: "sent", at: unix }) as unknown as {
    entry: { changes: { value: { metadata: { phone_number_id: string }; statuses: Record<string, unknown>[] } }[] }[];
  };
  const value = body.entry[0]!.changes[0]!.value;
  value.metadata.phone_number_id = phoneNumberId;
  const item = value.statuses[0]!;
  item.status = status;
  delete item.conversation;
  delete item.pricing;
  if (extra.pricing) item.pricing = extra.pricing;
  if (extra.errors) item.errors = extra.errors;
  expect((await deliver(body)).state).toBe("PROCESSED");
}

async function customerWrites(waId: string, unix: number) {
  const body = inboundTextBody({ tag: uniqueTag() });
  const value = body.entry[0].changes[0].value;
  value.metadata.phone_number_id = phoneNumberId;
  value.contacts[0].wa_id = waId;
  delete (value.contacts[0] as { user_id?: string }).user_id;
  value.messages[0].from = waId;
  value.messages[0].timestamp = String(unix);
  expect((await deliver(body)).state).toBe("PROCESSED");
}

const billable = (category: string) => ({ billable: true, pricing_model: "PMP", type: "regular", category });
const free = { billable: false, pricing_model: "PMP", type: "free_customer_service", category: "service" };

async function outbound(
  n: number,
  conversation: keyof typeof waIds,
  agent: number,
  createdAt: string,
  shape: { type: string; content?: object },
) {
  wamids[n] = `wamid.stats-${uniqueTag()}`;
  await db.message.create({
    data: {
      id: randomUUID(),
      channelId,
      conversationId: conversations[conversation],
      senderId: agents[agent]!.id,
      direction: "OUTBOUND",
      type: shape.type,
      text: `message ${n}`,
      content: shape.content ?? {},
      status: "QUEUED",
      externalId: wamids[n],
      timestamp: new Date(createdAt),
      createdAt: new Date(createdAt),
    },
  });
}

const template = (name: string, language: string) => ({ type: "template", content: { template: { name, language: { code: language } } } });

function query(params: Record<string, string>) {
  return new URLSearchParams({ from: NOV1_IST, to: NOV3_IST, tz: "Asia/Kolkata", inbox: channelId, ...params }).toString();
}

async function messages(params: Record<string, string> = {}): Promise<MessageStats> {
  const response = await manager.fetch(`/api/stats/messages?${query(params)}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as MessageStats;
}

beforeAll(async () => {
  manager = await signIn("manager@example.com");
  agentSession = await signIn("agent@example.com");
  const tag = uniqueTag();
  phoneNumberId = `4${String(randomInt(0, 100_000_000_000_000)).padStart(14, "0")}`;
  channelId = (
    await db.channel.create({
      data: { phoneNumberId, displayPhoneNumber: "15550100998", wabaId: `5${tag}`, inbox: { create: { name: `Stats ${tag}` } } },
    })
  ).id;
  const inboxId = (await db.inbox.findUniqueOrThrow({ where: { channelId } })).id;
  const passwordHash = await hashPassword("switchboard");
  for (const index of [1, 2]) {
    const email = `stats-${index}-${tag}@example.com`;
    const user = await db.user.create({ data: { email, name: `Stats agent ${index} ${tag}`, passwordHash, role: "AGENT" } });
    await db.inboxMember.create({ data: { inboxId, userId: user.id } });
    agents.push({ id: user.id, email });
  }
  const managerUser = await db.user.findUniqueOrThrow({ where: { email: "manager@example.com" } });
  await db.inboxMember.create({ data: { inboxId, userId: managerUser.id } });
  teamId = (await db.team.create({ data: { name: `Stats team ${tag}` } })).id;
  labelId = (await db.label.create({ data: { name: `stats-${tag}` } })).id;
  const digits = () => String(randomInt(0, 1_000_000_000)).padStart(9, "0");
  Object.assign(waIds, { in1: `91${digits()}0`, in2: `91${digits()}1`, us: `1${digits()}5`, gb: `44${digits()}7`, np: `977${digits()}` });
  openedAt = new Date(Date.now() - 600_000);
  waitingSince = new Date(Date.now() - 120_000);
  for (const key of Object.keys(waIds) as (keyof typeof waIds)[]) {
    const contact = await db.contact.create({ data: { channelId, waId: waIds[key], name: `Customer ${key}` } });
    const conversation = await db.conversation.create({
      data: {
        inboxId,
        contactId: contact.id,
        teamId: key === "in2" ? teamId : null,
        assigneeId: key === "in1" || key === "np" ? agents[0]!.id : null,
        createdAt: openedAt,
        lastInboundAt: new Date(Date.now() - 120_000),
        waitingSince: key === "np" ? waitingSince : null,
      },
    });
    conversations[key] = conversation.id;
  }

  await outbound(1, "in1", 0, "2026-11-01T18:20:00Z", template("order_update", "en_US"));
  await outbound(2, "in1", 0, "2026-11-01T18:40:00Z", { type: "text" });
  await outbound(3, "us", 1, "2026-11-02T04:30:00Z", { type: "audio", content: { audio: { id: "m" } } });
  await outbound(4, "gb", 1, "2026-11-02T10:00:00Z", template("promo", "en_GB"));
  await outbound(5, "np", 0, "2026-11-02T12:00:00Z", { type: "interactive", content: { interactive: { type: "button" } } });
  await outbound(6, "in2", 0, "2026-11-02T13:00:00Z", template("order_update", "en_US"));
  await outbound(7, "in2", 1, "2026-11-02T14:00:00Z", template("order_update", "hi"));
  await db.message.create({
    data: {
      id: randomUUID(),
      channelId,
      conversationId: conversations.in2,
      senderId: agents[0]!.id,
      direction: "OUTBOUND",
      type: "text",
      text: "a private note",
      status: "SENT",
      private: true,
      createdAt: new Date("2026-11-02T14:05:00Z"),
    },
  });
  await outbound(9, "in1", 0, "2026-11-02T18:35:00Z", { type: "text" });

  const c = (n: number) =>
    ({ 1: "2026-11-01T18:20:00Z", 2: "2026-11-01T18:40:00Z", 3: "2026-11-02T04:30:00Z", 4: "2026-11-02T10:00:00Z" })[n]!;
  await receipt(1, "sent", at(c(1), 1), { pricing: billable("marketing") });
  await receipt(1, "delivered", at(c(1), 4), { pricing: billable("marketing") });
  await receipt(1, "read", at(c(1), 31));
  await customerWrites(waIds.in1, at("2026-11-01T18:25:00Z"));
  await receipt(2, "sent", at(c(2), 1), { pricing: free });
  await receipt(2, "read", at(c(2), 11));
  await receipt(2, "delivered", at(c(2), 5), { pricing: free });
  await receipt(3, "sent", at(c(3), 1), { pricing: free });
  await receipt(3, "delivered", at(c(3), 2), { pricing: free });
  await customerWrites(waIds.us, at("2026-11-02T04:31:00Z"));
  await receipt(3, "read", at(c(3), 20));
  await receipt(3, "played", at(c(3), 40));
  await receipt(4, "failed", at(c(4), 2), { errors: [{ code: 131026, title: "Message undeliverable" }] });
  await receipt(5, "sent", at("2026-11-02T12:00:01Z"));
  await receipt(7, "delivered", at("2026-11-02T14:00:03Z"), { pricing: billable("utility") });
  await receipt(7, "sent", at("2026-11-02T14:00:01Z"), { pricing: billable("utility") });
  await receipt(7, "read", at("2026-11-02T14:02:01Z"));
  await receipt(9, "sent", at("2026-11-02T18:35:01Z"));
  await receipt(9, "delivered", at("2026-11-02T18:35:02Z"));
  // A label added after the fact moves the conversation's messages into it.
  await db.conversationLabel.create({ data: { conversationId: conversations.in2, labelId } });

  // The server folds changes every second; wait until everything above is in.
  await eventually(
    async () => {
      const stats = await messages();
      return stats.totals.replied === 2 && stats.totals.sent === 5 && stats.totals.failed === 1;
    },
    { what: "the statistics to take in the history" },
  );
  await eventually(async () => (await messages({ label: labelId })).totals.sent === 1, { what: "the label to be counted" });
});

afterAll(async () => {
  await db.channel.delete({ where: { id: channelId } });
});

describe("message statistics", () => {
  it("counts the funnel, rates and latencies of the range exactly", async () => {
    const stats = await messages({ bucket: "day" });
    const rates = await db.rateCard.findMany();
    const price = (category: string) =>
      Number(
        (
          rates.find((rate) => rate.category === category && rate.countryCode === "91") ??
          rates.find((rate) => rate.category === category && rate.countryCode === "*")
        )?.price ?? 0,
      );
    expect(stats.totals).toEqual({
      sent: 5,
      delivered: 4,
      read: 4,
      failed: 1,
      queued: 1,
      replied: 2,
      billable: 2,
      estimatedCost: { amount: Math.round((price("MARKETING") + price("UTILITY")) * 10_000) / 10_000, currency: "USD" },
    });
    expect(stats.rates).toEqual({ delivery: 0.8, read: 1, failure: 1 / 6 });
    // Deliver: 3, 4, 1, 2 s; nearest rank.
    expect(stats.timeToDeliver).toEqual({ p50: 2, p90: 4, p95: 4, p99: 4 });
    // Read: 30, 10, 19, 120 s; 120 s lies in a 10 % bucket, read at its middle.
    expect(stats.timeToRead.p50).toBe(19);
    for (const value of [stats.timeToRead.p90, stats.timeToRead.p99]) expect(Math.abs(value! - 120) / 120).toBeLessThanOrEqual(0.05);
    expect(stats.timeToReadHistogram.reduce((sum, bin) => sum + bin.count, 0)).toBe(4);
    expect(stats.timeToReadHistogram.find((bin) => bin.from === 10)?.count).toBe(2);
    expect(stats.series).toEqual([
      { bucket: "2026-10-31T18:30:00.000Z", sent: 1, delivered: 1, read: 1, failed: 0 },
      { bucket: "2026-11-01T18:30:00.000Z", sent: 4, delivered: 3, read: 3, failed: 1 },
    ]);
    expect(stats.previous.totals.sent).toBe(0);
    expect(stats.previous.series).toHaveLength(2);
  });

  it("keeps days exact across a DST change and in quarter-hour time zones", async () => {
    const newYork = await messages({ tz: "America/New_York", from: "2026-11-01T04:00:00Z", to: "2026-11-03T05:00:00Z" });
    expect(newYork.series).toEqual([
      { bucket: "2026-11-01T04:00:00.000Z", sent: 3, delivered: 3, read: 3, failed: 0 },
      { bucket: "2026-11-02T05:00:00.000Z", sent: 3, delivered: 2, read: 1, failed: 1 },
    ]);
    const kathmandu = await messages({ tz: "Asia/Kathmandu", bucket: "hour", from: "2026-11-01T18:15:00Z", to: "2026-11-01T20:15:00Z" });
    expect(kathmandu.series).toEqual([
      { bucket: "2026-11-01T18:15:00.000Z", sent: 2, delivered: 2, read: 2, failed: 0 },
      { bucket: "2026-11-01T19:15:00.000Z", sent: 0, delivered: 0, read: 0, failed: 0 },
    ]);
  });

  it("counts a series of local hours exactly", async () => {
    // 48 Kolkata hours, each from :30 to :30 UTC; every message in its own.
    const hourly = await messages({ bucket: "hour" });
    expect(hourly.series).toHaveLength(48);
    const busy = hourly.series
      .filter((bucket) => bucket.sent + bucket.failed > 0)
      .map((bucket) => [bucket.bucket, bucket.sent, bucket.failed]);
    expect(busy).toEqual([
      ["2026-11-01T17:30:00.000Z", 1, 0],
      ["2026-11-01T18:30:00.000Z", 1, 0],
      ["2026-11-02T04:30:00.000Z", 1, 0],
      ["2026-11-02T09:30:00.000Z", 0, 1],
      ["2026-11-02T11:30:00.000Z", 1, 0],
      ["2026-11-02T13:30:00.000Z", 1, 0],
    ]);
    expect(hourly.totals).toEqual((await messages({ bucket: "day" })).totals);
  });

  it("groups by every dimension and combines filters", async () => {
    const pick = (stats: MessageStats) =>
      Object.fromEntries(stats.groups.map((group) => [group.key, [group.sent, group.delivered, group.read, group.failed, group.replied]]));
    expect(pick(await messages({ groupBy: "template" }))).toEqual({
      "order_update:en_US": [1, 1, 1, 0, 1],
      "order_update:hi": [1, 1, 1, 0, 0],
      "promo:en_GB": [0, 0, 0, 1, 0],
      "": [3, 2, 2, 0, 1],
    });
    const byCountry = await messages({ groupBy: "country" });
    expect(pick(byCountry)).toEqual({ "91": [3, 3, 3, 0, 1], "1": [1, 1, 1, 0, 1], "44": [0, 0, 0, 1, 0], "977": [1, 0, 0, 0, 0] });
    expect(byCountry.groups.map((group) => group.label).sort()).toEqual(["GB", "IN", "NP", "US"]);
    expect(pick(await messages({ groupBy: "agent" }))).toEqual({ [agents[0]!.id]: [3, 2, 2, 0, 1], [agents[1]!.id]: [2, 2, 2, 1, 1] });
    expect(pick(await messages({ groupBy: "kind" }))).toEqual({
      template: [2, 2, 2, 1, 1],
      text: [1, 1, 1, 0, 0],
      media: [1, 1, 1, 0, 1],
      interactive: [1, 0, 0, 0, 0],
    });
    expect(pick(await messages({ groupBy: "pricing" }))).toEqual({
      billable: [2, 2, 2, 0, 1],
      "free:free_customer_service": [2, 2, 2, 0, 1],
      "": [1, 0, 0, 1, 0],
    });
    expect(pick(await messages({ groupBy: "label" }))).toEqual({ [labelId]: [1, 1, 1, 0, 0] });
    expect(pick(await messages({ groupBy: "team" }))).toEqual({ [teamId]: [1, 1, 1, 0, 0], "": [4, 3, 3, 1, 2] });

    expect((await messages({ template: "order_update" })).totals).toMatchObject({ sent: 2, read: 2, queued: 1 });
    expect((await messages({ country: "IN", agent: agents[1]!.id })).totals).toMatchObject({ sent: 1, delivered: 1, failed: 0 });
    expect((await messages({ kind: "media,interactive" })).totals).toMatchObject({ sent: 2, delivered: 1 });
    expect((await messages({ label: labelId, team: teamId })).totals).toMatchObject({ sent: 1, queued: 1 });
    expect((await messages({ category: "MARKETING", country: "IN" })).totals).toMatchObject({ sent: 1, billable: 1 });
    // The channel type is the inbox's channel's kind: this inbox is a WhatsApp number.
    expect(pick(await messages({ groupBy: "channelType" }))).toEqual({ whatsapp: [5, 4, 4, 1, 2] });
    expect((await messages({ channelType: "whatsapp", groupBy: "channelType" })).groups[0]?.label).toBe("WhatsApp");
    expect((await messages({ channelType: "whatsapp", country: "IN" })).totals).toEqual((await messages({ country: "IN" })).totals);
    expect((await messages({ channelType: "messenger" })).totals).toMatchObject({ sent: 0, failed: 0, queued: 0 });
  });

  it("gives the same answers after a rebuild from the messages", async () => {
    const variants: Record<string, string>[] = [{}, { groupBy: "agent" }, { groupBy: "label" }, { country: "IN", groupBy: "template" }];
    const before = await Promise.all(variants.map((params) => messages(params)));
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    try {
      await rebuildStats(client);
    } finally {
      await client.end();
    }
    const after = await Promise.all(variants.map((params) => messages(params)));
    expect(after).toEqual(before);
  });

  it("explains failures, lists the messages behind a number and exports them", async () => {
    const failures = (await (await manager.fetch(`/api/stats/failures?${query({})}`)).json()) as FailureStats;
    expect(failures.total).toBe(1);
    expect(failures.byCode[0]).toMatchObject({
      code: 131026,
      title: "Message undeliverable",
      count: 1,
      topTemplates: [{ key: "promo:en_GB", label: "promo (en_GB)", count: 1 }],
      topCountries: [{ key: "44", label: "GB", count: 1 }],
    });
    expect(failures.byCode[0]!.series.map((entry) => entry.count)).toEqual([0, 1]);

    const failed = (await (await manager.fetch(`/api/stats/messages/list?${query({ status: "failed" })}`)).json()) as DrillDownPage;
    expect(failed.items.map((item) => [item.errorCode, item.template])).toEqual([[131026, "promo:en_GB"]]);
    const first = (await (await manager.fetch(`/api/stats/messages/list?${query({})}`)).json()) as DrillDownPage;
    expect(first.items).toHaveLength(7);

    const csv = await manager.fetch(`/api/stats/messages/export?${query({})}`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = (await csv.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "message_id,conversation_id,created_at,inbox,agent,contact_name,contact_number,kind,template,status,error_code,sent_at,delivered_at,read_at",
    );
    expect(lines).toHaveLength(8);
    expect(lines.filter((line) => line.includes(",failed,131026,"))).toHaveLength(1);

    // Keyset pages of two, each from the last one's cursor (as the export reads pages of 5,000):
    // every message once, in the same order as the single page.
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await messageRows({ from: new Date(NOV1_IST), to: new Date(NOV3_IST), inbox: [channelId], cursor, limit: 2 });
      expect(page.items.length).toBeLessThanOrEqual(2);
      paged.push(...page.items.map((item) => item.messageId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(first.items.map((item) => item.messageId));

    const grouped = await (await manager.fetch(`/api/stats/messages?${query({ groupBy: "country", format: "csv" })}`)).text();
    const rows = grouped
      .trimEnd()
      .split("\r\n")
      .map((line) => line.split(","));
    expect(rows[0]!.slice(0, 6)).toEqual(["key", "label", "sent", "delivered", "read", "failed"]);
    expect(rows.find((row) => row[0] === "91")?.slice(1, 6)).toEqual(["IN", "3", "3", "3", "0"]);
  });

  it("prices billable messages by category and country, and fetches Meta's figures on demand", async () => {
    const cost = (await (await manager.fetch(`/api/stats/cost?${query({})}`)).json()) as CostStats;
    expect(cost.rows.map((row) => [row.category, row.country, row.billable, row.free]).sort()).toEqual([
      ["marketing", "IN", 1, 0],
      ["service", "IN", 0, 1],
      ["service", "US", 0, 1],
      ["utility", "IN", 1, 0],
    ]);
    expect(cost.estimated).toMatchObject({ billable: 2, free: 2 });
    expect(cost.estimated.amount).toBe((await messages()).totals.estimatedCost.amount);
    const refreshed = await manager.fetch(`/api/stats/cost/refresh?${query({})}`, { method: "POST" });
    expect(refreshed.status).toBe(200);
    expect(await refreshed.json()).toMatchObject({ problems: [], estimated: { billable: 2 } });
  });

  it("counts a send under way or not confirmed as queued, and a discarded one nowhere", async () => {
    const six = await db.message.findFirstOrThrow({ where: { externalId: wamids[6] } });
    const queued = async () => {
      const list = (await (await manager.fetch(`/api/stats/messages/list?${query({ status: "queued" })}`)).json()) as DrillDownPage;
      return { totals: (await messages()).totals, listed: list.items.map((item) => item.messageId) };
    };
    for (const status of ["SENDING", "UNCONFIRMED"] as const) {
      await db.message.update({ where: { id: six.id }, data: { status } });
      // Once the fold has taken the change, it must have left the counts where they were.
      await eventually(async () => (await db.statsDelta.count({ where: { messageId: six.id } })) === 0, {
        what: "the fold to take the change",
      });
      expect(await queued()).toMatchObject({ totals: { queued: 1, sent: 5, failed: 1 }, listed: [six.id] });
    }
    await db.message.update({ where: { id: six.id }, data: { status: "DISCARDED" } });
    const discarded = await eventually(async () => ((await messages()).totals.queued === 0 ? queued() : null), {
      what: "the discarded message to leave the queued count",
    });
    expect(discarded).toMatchObject({ totals: { queued: 0, sent: 5, delivered: 4, read: 4, failed: 1 }, listed: [] });
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    try {
      await rebuildStats(client);
    } finally {
      await client.end();
    }
    expect((await messages()).totals).toEqual(discarded.totals);
  });

  it("turns agents away", async () => {
    for (const path of ["messages", "conversations", "failures", "cost", "messages/list", "messages/export"]) {
      expect((await agentSession.fetch(`/api/stats/${path}?${query({})}`)).status).toBe(403);
    }
    expect((await agentSession.fetch("/api/stats/live")).status).toBe(403);
  });
});

describe("team statistics", () => {
  let range: URLSearchParams;
  const team = async (params: Record<string, string> = {}) => {
    const response = await manager.fetch(`/api/stats/conversations?${range}&${new URLSearchParams(params)}`);
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as ConversationStats;
  };
  // Percentiles come from histograms: exact below a minute, within 5 % above.
  const within = (value: number | null, low: number, high: number) => {
    expect(value).not.toBeNull();
    expect(value!).toBeGreaterThanOrEqual(Math.floor(low * 0.95) - 1);
    expect(value!).toBeLessThanOrEqual(Math.ceil(high * 1.05) + 1);
  };

  it("counts opened, resolved and reopened conversations, response times and load", async () => {
    const replier = await signIn(agents[0]!.email);
    const replyFrom = Date.now();
    const reply = await replier.fetch(`/api/conversations/${conversations.np}/messages`, {
      method: "POST",
      body: JSON.stringify({ text: "On it" }),
    });
    expect(reply.status, await reply.clone().text()).toBeLessThan(300);
    const replyTo = Date.now();
    const resolveFrom = Date.now();
    expect(
      (await manager.fetch(`/api/conversations/${conversations.gb}`, { method: "PATCH", body: JSON.stringify({ status: "RESOLVED" }) }))
        .status,
    ).toBe(200);
    const resolveTo = Date.now();
    expect(
      (await manager.fetch(`/api/conversations/${conversations.gb}`, { method: "PATCH", body: JSON.stringify({ status: "OPEN" }) })).status,
    ).toBe(200);
    range = new URLSearchParams({
      from: new Date(Date.now() - 3_600_000).toISOString(),
      to: new Date(Date.now() + 3_600_000).toISOString(),
      inbox: channelId,
    });
    // The fold takes the reply and the events within a second or so; the reopening comes last.
    const stats = await eventually(
      async () => {
        const answer = await team();
        return answer.byAgent.find((agent) => agent.agentId === agents[0]!.id)?.messagesSent === 1 && answer.reopened === 1 ? answer : null;
      },
      { what: "the reply and the conversations' events to be counted" },
    );
    expect(stats).toMatchObject({ opened: 5, resolved: 1, reopened: 1 });
    // From the customer's first unanswered message (waitingSince) to the reply; from opening to resolving.
    const seconds = (ms: number) => Math.round(ms / 1000);
    within(stats.firstResponse.p50, seconds(replyFrom - waitingSince.getTime()), seconds(replyTo - waitingSince.getTime()));
    within(stats.resolution.p50, seconds(resolveFrom - openedAt.getTime()), seconds(resolveTo - openedAt.getTime()));
    expect(stats.byAgent.find((agent) => agent.agentId === agents[0]!.id)).toMatchObject({ currentLoad: 2, messagesSent: 1, opened: 2 });
    // Opened in this hour: the series by hour puts all five in one bucket.
    const series = await team({ bucket: "hour" });
    expect(series.series.reduce((sum, bucket) => sum + bucket.opened, 0)).toBe(5);
    expect(series.series.reduce((sum, bucket) => sum + bucket.resolved, 0)).toBe(1);
    // Filtered by the kind of the inbox's channel, as the messages are.
    expect(await team({ channelType: "whatsapp" })).toMatchObject({ opened: 5, resolved: 1, reopened: 1 });
    expect(await team({ channelType: "messenger" })).toMatchObject({ opened: 0, resolved: 0, reopened: 0 });
  });

  it("moves a conversation's events in and out of a label's statistics as the label comes and goes", async () => {
    // Conversation in2 has had the label since before its events were counted: opened only.
    expect(await team({ label: labelId })).toMatchObject({ opened: 1, resolved: 0, reopened: 0 });
    // Labelling gb afterwards brings in its opening, resolution and reopening.
    await db.conversationLabel.create({ data: { conversationId: conversations.gb, labelId } });
    const labelled = await eventually(async () => ((await team({ label: labelId })).opened === 2 ? team({ label: labelId }) : null), {
      what: "the label to bring in the conversation's events",
    });
    expect(labelled).toMatchObject({ opened: 2, resolved: 1, reopened: 1 });
    expect(labelled.resolution.p50).toBe((await team()).resolution.p50);
    await db.conversationLabel.delete({ where: { conversationId_labelId: { conversationId: conversations.in2, labelId } } });
    await eventually(async () => (await team({ label: labelId })).opened === 1, { what: "the removed label to take the events out" });
    expect(await team({ label: labelId })).toMatchObject({ opened: 1, resolved: 1, reopened: 1 });
    expect(await team({ team: teamId })).toMatchObject({ opened: 1, resolved: 0 });
  });

  it("gives the same team statistics after a rebuild from the events", async () => {
    const variants: Record<string, string>[] = [{}, { label: labelId }, { team: teamId }, { agent: agents[0]!.id, bucket: "hour" }];
    const before = await Promise.all(variants.map((params) => team(params)));
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    try {
      await rebuildStats(client);
    } finally {
      await client.end();
    }
    const after = await Promise.all(variants.map((params) => team(params)));
    expect(after).toEqual(before);
  });
});

describe("live statistics", () => {
  it("tells managers within 2 s when a webhook changes the statistics", async () => {
    const socket: Socket = io(baseUrl(), { path: "/socket.io", transports: ["websocket"], extraHeaders: { cookie: manager.cookie } });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", resolve);
        socket.once("connect_error", reject);
      });
      const heard = new Promise<number>((resolve) => socket.once("stats.changed", () => resolve(Date.now())));
      const sentAt = Date.now();
      await customerWrites(waIds.gb, Math.floor(Date.now() / 1000));
      expect((await heard) - sentAt).toBeLessThan(2_000);
    } finally {
      socket.close();
    }
    const live = await (await manager.fetch("/api/stats/live?tz=Asia/Kolkata")).json();
    expect(live).toMatchObject({ open: expect.any(Number), waiting: expect.any(Number), today: { received: expect.any(Number) } });
    expect(live.open).toBeGreaterThanOrEqual(5);
  });
});
