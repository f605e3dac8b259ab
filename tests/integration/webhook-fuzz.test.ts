import { randomInt } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { signBody } from "@/lib/whatsapp/signature";
import { baseUrl } from "../support/http";
import { eventually } from "./factories";

// Thousands of bodies made from Meta's fixtures and then damaged (types swapped, fields dropped,
// huge strings, 10,000-level nesting, bytes that are not UTF-8, numbers as strings, arrays as
// objects, nulls), each signed correctly and posted. Whatever arrives, the server answers 200 or
// 400, never 5xx, and stays up; and when a valid message rode along with a damaged one, the valid
// one is stored. Seeded: FUZZ_SEED=<n> replays a run exactly; a failure names its seed and body.

const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const BODIES = 5_000;
const IN_FLIGHT = 12;
const MAX_BODY = 2.5 * 1024 * 1024; // under Meta's 3 MB, so no body is refused for its size

afterAll(() => disconnectDb());

/** mulberry32: small, fast and the same everywhere. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (below: number) => Math.floor(next() * below),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)],
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof prng>;

const fixturesDir = path.resolve(import.meta.dirname, "../fixtures/whatsapp");
const fixtures = readdirSync(fixturesDir)
  .filter((name) => name.endsWith(".json"))
  .map((name) => ({ name, text: readFileSync(path.join(fixturesDir, name), "utf8") }));

// Placeholders put into the tree, swapped for what JSON.stringify cannot produce once serialised.
const DEEP = "\u0001deep\u0001";
const BAD_UTF8 = "\u0001bad-utf8\u0001";

const kinds = [
  "swapType",
  "drop",
  "null",
  "hugeString",
  "deep",
  "badUtf8",
  "numberAsString",
  "arrayAsObject",
  "weirdString",
  "badTimestamp",
] as const;
type Kind = (typeof kinds)[number];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Slot = { parent: Json[] | { [key: string]: Json }; key: string | number };

/** A fixture with its own wamids, customers and this suite's channel. */
function bodyFrom({ text, unique, phoneNumberId }: { text: string; unique: string; phoneNumberId: string }): { [key: string]: Json } {
  return JSON.parse(
    text
      .replace(/"phone_number_id":\s*"[^"]*"/g, `"phone_number_id": "${phoneNumberId}"`)
      .replace(/"(wamid\.[^"]*)"/g, `"$1-${unique}"`)
      .replace(/"(wa_id|from|recipient_id)":\s*"(\d+)"/g, `"$1": "$2${unique.replace(/\D/g, "")}"`)
      .replace(/"(user_id|from_user_id|recipient_user_id|parent_user_id)":\s*"([^"]+)"/g, `"$1": "$2.${unique}"`),
  );
}

/** Every place in `root` a value could be replaced or removed. */
function slots(root: Json[] | { [key: string]: Json }): Slot[] {
  const found: Slot[] = [];
  const stack: (Json[] | { [key: string]: Json })[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    for (const key of Array.isArray(node) ? node.keys() : Object.keys(node)) {
      found.push({ parent: node, key });
      const child = (node as Record<string | number, Json>)[key];
      if (child && typeof child === "object") stack.push(child);
    }
  }
  return found;
}

function set(slot: Slot, value: Json) {
  (slot.parent as Record<string | number, Json>)[slot.key] = value;
}

function get(slot: Slot): Json {
  return (slot.parent as Record<string | number, Json>)[slot.key];
}

function swapType(value: Json, rng: Rng): Json {
  if (typeof value === "string") return rng.pick([Number(value) || rng.int(1e6), value.length > 0, [value], { value }]);
  if (typeof value === "number") return rng.pick([String(value), [value], { value }, value > 0]);
  if (typeof value === "boolean") return rng.pick([String(value), Number(value), [value]]);
  if (Array.isArray(value)) return rng.pick(["list", value.length, { ...value }]);
  if (value && typeof value === "object") return rng.pick([Object.values(value), JSON.stringify(value).slice(0, 40), 0]);
  return rng.pick([{}, [], "", 0]);
}

/** A long string whose serialised UTF-8 size stays within `budget` bytes. */
function hugeString(rng: Rng, budget: number): string {
  // Mostly tens or hundreds of kilobytes, now and then megabytes (those cost the most to store).
  const roll = rng.next();
  const size = roll < 0.45 ? 10_000 : roll < 0.8 ? 200_000 : roll < 0.95 ? 1_000_000 : 2_400_000;
  const bytes = Math.min(budget, Math.ceil(size * (0.5 + rng.next() / 2)));
  const unit = rng.pick(["x", "héllo wörld ", "👋🏽", "<script>", '\\"', "0123456789"]);
  const unitBytes = Buffer.byteLength(JSON.stringify(unit).slice(1, -1));
  return unit.repeat(Math.floor(bytes / unitBytes));
}

const weirdStrings = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udc00y",
  "__proto__",
  "constructor",
  "null",
  "[]",
  "{}",
  "😀".repeat(50),
  "\n\r\t",
  "𝕏".repeat(3),
];
const badTimestamps = ["", "yesterday", "-1", "1e9", "1697043223.5", " 1697043223", "99999999999999999999", "0x10", "١٦٩٧٠٤٣٢٢٣"];

/** Damages one slot in one way; returns the kind applied. `budget` bounds the bytes added. */
function mutate(slot: Slot, rng: Rng, budget: number): Kind {
  const kind = rng.pick(kinds);
  const value = get(slot);
  switch (kind) {
    case "swapType":
      set(slot, swapType(value, rng));
      break;
    case "drop":
      if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
      else delete slot.parent[slot.key as string];
      break;
    case "null":
      set(slot, null);
      break;
    case "hugeString":
      set(slot, hugeString(rng, budget));
      break;
    case "deep":
      set(slot, DEEP);
      break;
    case "badUtf8":
      set(slot, typeof value === "string" ? `${value.slice(0, 8)}${BAD_UTF8}${value.slice(8)}` : BAD_UTF8);
      break;
    case "numberAsString":
      set(
        slot,
        typeof value === "number"
          ? String(value)
          : typeof value === "string" && /^\d+$/.test(value)
            ? Number(value)
            : String(rng.int(1e12)),
      );
      break;
    case "arrayAsObject":
      set(slot, Array.isArray(value) ? { ...value } : value && typeof value === "object" ? Object.values(value) : [value]);
      break;
    case "weirdString":
      set(slot, rng.pick(weirdStrings));
      break;
    case "badTimestamp":
      set(slot, rng.pick(badTimestamps));
      break;
  }
  return kind;
}

const invalidUtf8 = [[0xff], [0xfe, 0xfe], [0xc3, 0x28], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80], [0x80]];

/** The body's bytes: placeholders become 10,000-level nesting and bytes that are not UTF-8. */
function serialise(body: Json, rng: Rng): Buffer {
  let text = JSON.stringify(body);
  text = text.replaceAll(JSON.stringify(DEEP), () => {
    const depth = rng.pick([100, 1_000, 10_000, 10_000]);
    return rng.chance(0.5) ? "[".repeat(depth) + "1" + "]".repeat(depth) : '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
  });
  const parts = text.split(JSON.stringify(BAD_UTF8).slice(1, -1));
  const buffers: Buffer[] = [];
  parts.forEach((part, index) => {
    if (index > 0) buffers.push(Buffer.from(rng.pick(invalidUtf8)));
    buffers.push(Buffer.from(part, "utf8"));
  });
  return Buffer.concat(buffers);
}

type Case = { index: number; bytes: Buffer; sibling: string | null; kinds: Kind[] };

/** Body `index` of the run: a fixture, perhaps a valid sibling message, then 1–3 mutations. */
function makeCase(index: number, phoneNumberId: string): Case {
  const rng = prng(SEED * 100_003 + index);
  const fixture = rng.pick(fixtures);
  const body = bodyFrom({ text: fixture.text, unique: `${SEED}x${index}`, phoneNumberId });
  const value = (body.entry as Json[] | undefined)?.[0] as { changes?: { value?: { [key: string]: Json } }[] } | undefined;
  const change = value?.changes?.[0]?.value;
  const messages = change?.messages as { [key: string]: Json }[] | undefined;

  // Half the message bodies carry a valid text beside the one that gets damaged; then only that
  // one (and the contacts) are damaged, so the sibling must come through.
  let sibling: string | null = null;
  let targets: Slot[];
  if (change && messages?.length && rng.chance(0.5)) {
    const original = messages[0];
    sibling = `wamid.fuzz-sibling-${SEED}x${index}`;
    const text: { [key: string]: Json } = {
      id: sibling,
      timestamp: String(1_700_000_000 + index),
      type: "text",
      text: { body: `Sibling ${index}` },
    };
    if (typeof original.from === "string") text.from = original.from;
    if (typeof original.from_user_id === "string") text.from_user_id = original.from_user_id;
    messages.splice(rng.int(2) ? 1 : 0, 0, text);
    const damaged = messages.indexOf(original);
    targets = [
      { parent: messages, key: damaged },
      ...slots(original),
      ...(change.contacts ? [{ parent: change, key: "contacts" }, ...slots(change.contacts as Json[])] : []),
    ];
  } else {
    targets = slots(body);
  }

  const applied: Kind[] = [];
  const room = () => MAX_BODY - Buffer.byteLength(JSON.stringify(body)) - 64 * 1024;
  let budget = room();
  for (let count = 1 + rng.int(3); count > 0 && targets.length; count--) {
    const slot = rng.pick(targets);
    applied.push(mutate(slot, rng, Math.max(0, budget)));
    budget = room();
    // Without a sibling, look at the body afresh (what was replaced holds new places to damage).
    // With one, the damaged message's own place is used once: had it been removed from the list,
    // its index could point at the sibling next time.
    if (!sibling) targets = slots(body);
    else if (slot.parent === messages) targets = targets.filter((target) => target !== slot);
  }
  return { index, bytes: serialise(body, rng), sibling, kinds: applied };
}

async function post(bytes: Buffer): Promise<{ status: number; text: string }> {
  const response = await fetch(`${baseUrl()}/api/webhooks/whatsapp`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-hub-signature-256": signBody(bytes, inject("appSecret")) },
    body: new Uint8Array(bytes),
  });
  return { status: response.status, text: await response.text() };
}

let phoneNumberId: string;

beforeAll(async () => {
  // An inbox of its own, so thousands of customers do not crowd the suite's shared one.
  phoneNumberId = `5${String(randomInt(0, 100_000_000_000_000)).padStart(14, "0")}`;
  await db.channel.create({
    data: { phoneNumberId, displayPhoneNumber: "15550100555", wabaId: "299999999999997", inbox: { create: { name: `Fuzz ${SEED}` } } },
  });
});

describe(`webhook fuzz (seed ${SEED})`, () => {
  it(`answers ${BODIES} damaged bodies with 200 or 400, never 5xx, and keeps every valid sibling`, async () => {
    const failures: string[] = [];
    const siblings: { index: number; wamid: string }[] = [];
    const events: string[] = [];
    const used = new Map<Kind, number>();
    const statuses = new Map<number, number>();
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < BODIES) {
          const fuzz = makeCase(next++, phoneNumberId);
          for (const kind of fuzz.kinds) used.set(kind, (used.get(kind) ?? 0) + 1);
          const { status, text } = await post(fuzz.bytes);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status === 200) events.push((JSON.parse(text) as { event: string }).event);
          const where = `seed ${SEED} body ${fuzz.index} (${fuzz.kinds.join(", ")})`;
          if (status !== 200 && status !== 400) failures.push(`${where}: ${status} ${text.slice(0, 200)}`);
          else if (fuzz.sibling && status !== 200)
            failures.push(`${where}: a body with a valid sibling was answered ${status} ${text.slice(0, 200)}`);
          if (fuzz.sibling) siblings.push({ index: fuzz.index, wamid: fuzz.sibling });
        }
      }),
    );
    expect(failures).toEqual([]);

    // Every kind of damage was tried, many times over.
    for (const kind of kinds) expect(used.get(kind) ?? 0, `${kind} applied`).toBeGreaterThan(100);
    expect(siblings.length).toBeGreaterThan(1_000);
    expect(statuses.get(200)).toBeGreaterThan(BODIES / 2);

    // Acknowledged bodies are processed right after the answer: wait for the last of them.
    await eventually(async () => (await db.webhookEvent.count({ where: { id: { in: events }, state: "RECEIVED" } })) === 0, {
      timeoutMs: 180_000,
      what: "every acknowledged body to be processed",
    });
    const stored = new Set(
      (
        await db.message.findMany({ where: { externalId: { in: siblings.map((sibling) => sibling.wamid) } }, select: { externalId: true } })
      ).map((message) => message.externalId),
    );
    const lost = siblings.filter((sibling) => !stored.has(sibling.wamid)).map((sibling) => `seed ${SEED} body ${sibling.index}`);
    expect(lost).toEqual([]);

    const health = await fetch(`${baseUrl()}/api/health`);
    expect(health.status).toBe(200);
  }, 240_000);
});
