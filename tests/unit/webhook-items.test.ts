import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { accountFields } from "@/lib/whatsapp/record-account-change";
import { check, MAX_ITEM_DEPTH, nestedDeeperThan, readWebhookItems, type WebhookWork } from "@/lib/whatsapp/read-webhook-items";
import { inboundMessage, webhookEnvelope, type WebhookEnvelope } from "@/lib/whatsapp/webhook-schema";

// Each entry, change and item of a webhook body is checked on its own: a malformed one is named
// and skipped, everything valid beside it is kept.

const fixturesDir = path.resolve(import.meta.dirname, "../fixtures/whatsapp");
const fixture = (name: string) => JSON.parse(readFileSync(path.join(fixturesDir, name), "utf8"));

const metadata = { display_phone_number: "15550100200", phone_number_id: "109876543210001" };
const text = (id: string, overrides: Record<string, unknown> = {}) => ({
  from: "4915100000001",
  id,
  timestamp: "1697043223",
  type: "text",
  text: { body: `hello ${id}` },
  ...overrides,
});
const receipt = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  status: "read",
  timestamp: "1689380458",
  recipient_id: "4915100000001",
  ...overrides,
});

function envelope(...changes: unknown[][]): WebhookEnvelope {
  return webhookEnvelope.parse({
    object: "whatsapp_business_account",
    entry: changes.map((list) => ({ id: "209876543210001", changes: list })),
  });
}
const messagesChange = (value: Record<string, unknown>) => ({
  field: "messages",
  value: { messaging_product: "whatsapp", metadata, ...value },
});
const read = (body: WebhookEnvelope) => readWebhookItems({ body, accountFields });
const messagesWork = (work: WebhookWork[]) => work.filter((item) => item.kind === "messages");

describe("readWebhookItems", () => {
  it("keeps every item of Meta's own fixtures, with no problem", () => {
    for (const name of readdirSync(fixturesDir).filter((file) => file.endsWith(".json"))) {
      const { problems } = read(webhookEnvelope.parse(fixture(name)));
      expect({ name, problems }).toEqual({ name, problems: [] });
    }
  });

  it("skips a message with a bad timestamp and keeps its siblings and the receipts, naming the item", () => {
    const body = envelope([
      messagesChange({
        contacts: [{ wa_id: "4915100000001", profile: { name: "Ada" } }],
        messages: [text("wamid.a"), text("wamid.b", { timestamp: "yesterday" }), text("wamid.c")],
        statuses: [receipt("wamid.x"), receipt("wamid.y")],
      }),
    ]);
    const { work, problems } = read(body);
    const [change] = messagesWork(work);
    expect(change.kind === "messages" && change.messages.map(({ item }) => item.id)).toEqual(["wamid.a", "wamid.c"]);
    expect(change.kind === "messages" && change.statuses.map(({ item }) => item.id)).toEqual(["wamid.x", "wamid.y"]);
    expect(change.kind === "messages" && change.value.contacts).toHaveLength(1);
    expect(problems).toEqual(["messages[1]: timestamp: must be Unix seconds, as a string of digits (entry[0].changes[0])"]);
  });

  it.each([
    ["an id that is a number", { id: 42 }, "messages[0]: id:"],
    ["no type", { type: undefined }, "messages[0]: type:"],
    ["a timestamp as a number", { timestamp: 1697043223 }, "messages[0]: timestamp:"],
    ["a timestamp far beyond any date", { timestamp: "9".repeat(40) }, "messages[0]: timestamp:"],
    ["an error code as a string", { errors: [{ code: "131051" }] }, "messages[0]: errors[0].code:"],
    ["context forwarded as a string", { context: { forwarded: "yes" } }, "messages[0]: context.forwarded:"],
    ["a wamid too long for an index", { id: `wamid.${"x".repeat(600)}` }, "messages[0]: id:"],
  ])("names a message with %s", (_label, overrides, named) => {
    const body = envelope([messagesChange({ messages: [text("wamid.bad", overrides), text("wamid.good")] })]);
    const { work, problems } = read(body);
    expect(problems).toHaveLength(1);
    expect(problems[0].startsWith(named)).toBe(true);
    const [change] = messagesWork(work);
    expect(change.kind === "messages" && change.messages.map(({ item }) => item.id)).toEqual(["wamid.good"]);
  });

  it("skips an item nested deeper than any Meta payload", () => {
    let deep: unknown = "bottom";
    for (let level = 0; level < MAX_ITEM_DEPTH + 5; level++) deep = { deeper: deep };
    const { work, problems } = read(envelope([messagesChange({ messages: [text("wamid.deep", { text: deep }), text("wamid.ok")] })]));
    expect(problems).toEqual([`messages[0]: nested more than ${MAX_ITEM_DEPTH} levels deep (entry[0].changes[0])`]);
    expect(messagesWork(work)[0]).toMatchObject({ messages: [{ item: { id: "wamid.ok" } }] });
  });

  it("drops a malformed contact but keeps the message it came with", () => {
    const { work, problems } = read(envelope([messagesChange({ contacts: [{ wa_id: 4915100000001 }], messages: [text("wamid.m")] })]));
    expect(problems).toEqual(["contacts[0]: wa_id: Invalid input: expected string, received number (entry[0].changes[0])"]);
    expect(messagesWork(work)[0]).toMatchObject({ value: { contacts: [] }, messages: [{ item: { id: "wamid.m" } }] });
  });

  it("names a list that is not a list, and keeps the other lists", () => {
    const { work, problems } = read(envelope([messagesChange({ messages: { 0: text("wamid.m") }, statuses: [receipt("wamid.r")] })]));
    expect(problems).toEqual(["messages: is not a list (entry[0].changes[0])"]);
    expect(messagesWork(work)[0]).toMatchObject({ messages: [], statuses: [{ item: { id: "wamid.r" } }] });
  });

  it("skips a change without usable metadata, and a malformed entry, and goes on with the rest", () => {
    const body = webhookEnvelope.parse({
      object: "whatsapp_business_account",
      entry: [
        "not an entry",
        { id: 7, changes: [] },
        { id: "1", changes: "nope" },
        {
          id: "2",
          changes: [
            { field: "messages", value: { metadata: { phone_number_id: 12345 }, messages: [text("wamid.lost")] } },
            null,
            { field: 5, value: {} },
            { field: "messages", value: [] },
            messagesChange({ messages: [text("wamid.kept")] }),
            { field: "account_update", value: "not an object" },
            { field: "something_new", value: 1 },
          ],
        },
      ],
    });
    const { work, problems } = read(body);
    expect(problems).toEqual([
      "entry[0]: Invalid input: expected object, received string",
      "entry[1]: id: Invalid input: expected string, received number",
      "entry[2]: changes: Invalid input: expected array, received string",
      "entry[3].changes[0]: metadata: phone_number_id: Invalid input: expected string, received number",
      "entry[3].changes[1]: Invalid input: expected object, received null",
      "entry[3].changes[2]: field: Invalid input: expected string, received number",
      'entry[3].changes[3]: the "messages" value is not an object',
      'entry[3].changes[5]: the "account_update" value is not an object',
    ]);
    expect(work).toHaveLength(1);
    expect(messagesWork(work)[0]).toMatchObject({ where: "entry[3].changes[4]", messages: [{ item: { id: "wamid.kept" } }] });
  });
});

describe("webhookEnvelope", () => {
  it.each([
    ["a notification with no entries yet", { object: "whatsapp_business_account", entry: [] }, true],
    ["entries of which one is an object", { object: "whatsapp_business_account", entry: ["x", {}] }, true],
    ["entries that are all not objects", { object: "whatsapp_business_account", entry: ["x", 1, null] }, false],
    ["no entry list", { object: "whatsapp_business_account" }, false],
    ["an entry object instead of a list", { object: "whatsapp_business_account", entry: {} }, false],
    ["no object name", { entry: [{}] }, false],
    ["an array", [{}], false],
    ["null", null, false],
  ])("takes %s: %s", (_label, body, ok) => {
    expect(webhookEnvelope.safeParse(body).success).toBe(ok);
  });
});

describe("check", () => {
  it("reads an issue as its field path and why", () => {
    expect(check(inboundMessage, text("wamid.a", { context: { id: 5 } }))).toEqual({
      ok: false,
      problem: "context.id: Invalid input: expected string, received number",
    });
    expect(check(inboundMessage, text("wamid.a"))).toMatchObject({ ok: true, data: { id: "wamid.a" } });
  });
});

describe("nestedDeeperThan", () => {
  it.each([
    ["a string", "x", 0, false],
    ["an empty object at the limit", {}, 1, false],
    ["an empty object past the limit", {}, 0, true],
    ["arrays three deep, limit 3", [[[1]]], 3, false],
    ["arrays three deep, limit 2", [[[1]]], 2, true],
  ])("%s", (_label, value, limit, expected) => {
    expect(nestedDeeperThan(value, limit)).toBe(expected);
  });

  it("walks 100,000 levels without running out of stack", () => {
    let deep: unknown = 1;
    for (let level = 0; level < 100_000; level++) deep = [deep];
    expect(nestedDeeperThan(deep, 50)).toBe(true);
  });
});
