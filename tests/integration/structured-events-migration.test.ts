import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrations";
import { scratchDatabase } from "../support/scratch-database";

// The migration that made activity lines, notifications and Switchboard's own timeline entries
// events, on a database of its own: rows written as English sentences by every earlier version are
// read back into a kind and its values, and a sentence it does not know is kept as it was.

const BEFORE = "20261201034700_statistics_weeks_and_team_rollups";
let database: Awaited<ReturnType<typeof scratchDatabase>>;
let client: pg.Client;

const activityLines = [
  ["Alex Agent resolved the conversation", { kind: "resolved", params: { actor: "Alex Agent" } }],
  ["Alex Agent reopened the conversation", { kind: "reopened", params: { actor: "Alex Agent" } }],
  ["Alex Agent marked the conversation pending", { kind: "pending", params: { actor: "Alex Agent" } }],
  [
    "Alex Agent snoozed the conversation until 2026-11-30T09:30:00.000Z",
    { kind: "snoozed", params: { actor: "Alex Agent", until: "2026-11-30T09:30:00.000Z" } },
  ],
  ["Alex Agent unassigned the conversation", { kind: "unassigned", params: { actor: "Alex Agent" } }],
  ["Sam Support took the conversation", { kind: "took", params: { actor: "Sam Support" } }],
  ["Alex Agent assigned the conversation to team Billing", { kind: "teamAssigned", params: { actor: "Alex Agent", team: "Billing" } }],
  ["Alex Agent assigned the conversation to Sam Support", { kind: "assigned", params: { actor: "Alex Agent", assignee: "Sam Support" } }],
  ["Alex Agent removed the team", { kind: "teamRemoved", params: { actor: "Alex Agent" } }],
  ["Snooze ended: the conversation is open again", { kind: "snoozeEnded", params: {} }],
  ["Assigned to Sam Support automatically", { kind: "autoAssigned", params: { assignee: "Sam Support" } }],
  ["The conversation was passed to Switchboard", { kind: "handoverPassed", params: { app: null, metadata: null } }],
  [
    "The conversation was passed to Switchboard by app 263902037430900 (back to you)",
    { kind: "handoverPassed", params: { app: "263902037430900", metadata: "back to you" } },
  ],
  [
    "Another app of the Page (app 1517776481860111) took over the conversation",
    { kind: "handoverTaken", params: { app: "1517776481860111", metadata: null } },
  ],
  [
    "Another app of the Page (no app) asks to take over the conversation (needs a human)",
    { kind: "handoverRequested", params: { app: null, metadata: "needs a human" } },
  ],
  [
    "While another app had the conversation, the customer wrote: “hello, world!”",
    { kind: "standbyMessage", params: { text: "hello, world!", attachment: null } },
  ],
  [
    "While another app had the conversation, the customer wrote: “[image]”",
    { kind: "standbyMessage", params: { text: null, attachment: "image" } },
  ],
  [
    "While another app had the conversation, the customer wrote: “a message”",
    { kind: "standbyMessage", params: { text: null, attachment: null } },
  ],
  [
    "While another app had the conversation, the customer tapped “Track order”",
    { kind: "standbyPostback", params: { title: "Track order" } },
  ],
  ["While another app had the conversation, the customer tapped “a button”", { kind: "standbyPostback", params: { title: null } }],
  ["Something nobody wrote in code", { kind: "text", params: { text: "Something nobody wrote in code" } }],
] as const;

const notifications = [
  ["assigned", "Alex Agent assigned you the conversation with +4915112345678", { actor: "Alex Agent", customer: "+4915112345678" }],
  ["assigned", "A new conversation was assigned to you", { actor: null, customer: null }],
  [
    "mention",
    "Alex Agent mentioned you on Jonas Weber: @Sam can you check: the oak table?",
    { actor: "Alex Agent", customer: "Jonas Weber", excerpt: "@Sam can you check: the oak table?" },
  ],
  [
    "channel",
    "Main number: The quality rating of +1 555 0100 dropped: it may be limited if it doesn't improve.",
    { channel: "Main number", alert: { field: "phone_number_quality_update", kind: "quality_flagged", payload: { event: "FLAGGED" } } },
  ],
  ["channel", "Old number: Something Meta once said.", { channel: "Old number", text: "Something Meta once said." }],
  ["mention", "A sentence of its own", { text: "A sentence of its own" }],
] as const;

beforeAll(async () => {
  database = await scratchDatabase("switchboard_structured_events");
  await applyMigrations({ connectionString: database.url, until: BEFORE });
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  // Rows as earlier versions left them; the rows they belong to do not matter here.
  await client.query("SET session_replication_role = replica");
  for (const [index, [text]] of activityLines.entries()) {
    await client.query(
      `INSERT INTO "Message" (id, "channelId", "conversationId", direction, type, text, status, private, "updatedAt")
       VALUES ($1, 'channel', 'conversation', 'OUTBOUND', 'activity', $2, 'RECEIVED', true, now())`,
      [`activity-${index}`, text],
    );
  }
  await client.query(
    `INSERT INTO "Message" (id, "channelId", "conversationId", direction, type, text, status, "updatedAt")
     VALUES ('customer-text', 'channel', 'conversation', 'INBOUND', 'text', 'Alex Agent resolved the conversation', 'RECEIVED', now())`,
  );
  for (const [index, [kind, body]] of notifications.entries()) {
    await client.query(
      `INSERT INTO "Notification" (id, "userId", kind, body, "createdAt") VALUES ($1, 'user', $2, $3, '2026-11-30T10:00:00Z')`,
      [`notification-${index}`, kind, body],
    );
  }
  await client.query(
    `INSERT INTO "ChannelAlert" (id, "channelId", field, kind, summary, payload, "createdAt") VALUES
     ('quality', 'channel', 'phone_number_quality_update', 'quality_flagged',
      'The quality rating of +1 555 0100 dropped: it may be limited if it doesn''t improve.', '{"event":"FLAGGED"}', '2026-11-30T09:59:59Z'),
     ('name', 'channel', 'switchboard', 'name_requested', 'Alex Admin asked Meta to review the display name "Northwind Home".', '{}', now()),
     ('oba', 'channel', 'switchboard', 'oba_requested', 'Alex Admin requested the blue tick (Official Business Account).', '{}', now()),
     ('pin', 'channel', 'switchboard', 'pin_set', 'Alex Admin set a new two-step verification PIN.', '{}', now())`,
  );
  await client.query("SET session_replication_role = DEFAULT");
  await applyMigrations({ connectionString: database.url });
}, 120_000);

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

describe("structured_activity_and_notifications", () => {
  it("reads every activity line ever written back into its event, and keeps an unknown one as it was", async () => {
    const { rows } = await client.query<{ id: string; text: string | null; activity: unknown }>(
      `SELECT id, text, activity FROM "Message" WHERE type = 'activity'`,
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const [index, [, event]] of activityLines.entries()) {
      expect(byId.get(`activity-${index}`)?.activity, activityLines[index]![0]).toEqual(event);
      expect(byId.get(`activity-${index}`)?.text).toBeNull();
    }
  });

  it("leaves customers' messages alone, even one that reads like an activity line", async () => {
    const { rows } = await client.query(`SELECT text, activity FROM "Message" WHERE id = 'customer-text'`);
    expect(rows[0]).toEqual({ text: "Alex Agent resolved the conversation", activity: null });
  });

  it("reads notifications into their values, pointing a channel notification at its alert", async () => {
    const { rows } = await client.query<{ id: string; params: unknown }>(`SELECT id, params FROM "Notification"`);
    const byId = new Map(rows.map((row) => [row.id, row.params]));
    for (const [index, [, , params]] of notifications.entries()) expect(byId.get(`notification-${index}`)).toEqual(params);
    const columns = await client.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'Notification'`);
    expect(columns.rows.map((row) => row.column_name)).not.toContain("body");
  });

  it("gives Switchboard's own timeline entries who did what", async () => {
    const { rows } = await client.query<{ id: string; payload: unknown }>(`SELECT id, payload FROM "ChannelAlert"`);
    expect(Object.fromEntries(rows.map((row) => [row.id, row.payload]))).toEqual({
      quality: { event: "FLAGGED" },
      name: { actor: "Alex Admin", name: "Northwind Home" },
      oba: { actor: "Alex Admin" },
      pin: { actor: "Alex Admin" },
    });
  });
});
