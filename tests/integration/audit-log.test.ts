import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { signIn, type Session } from "../support/http";
import { ADMIN, invitedUser } from "./accounts-support";
import { uniqueTag } from "./factories";

// The audit log's API against the suite's server: filters, search (the before/after JSON included),
// keyset paging while events keep arriving, the CSV and JSON Lines export, and who may read it.

type Item = {
  id: string;
  seq: string;
  at: string;
  actor: { id: string | null; name: string };
  action: string;
  target: { type: string; id: string; name: string | null };
  before: unknown;
  after: unknown;
  ip: string | null;
  reason: string | null;
  summary: string;
};
type Page = { items: Item[]; nextCursor: string | null };

let admin: Session;
let manager: Session;

beforeAll(async () => {
  [admin, manager] = await Promise.all([signIn(ADMIN), signIn("manager@example.com")]);
});

async function log(query: Record<string, string>): Promise<Page> {
  const response = await admin.fetch(`/api/audit?${new URLSearchParams(query)}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}

async function createLabel(session: Session, name: string): Promise<string> {
  const response = await session.fetch("/api/labels", { method: "POST", body: JSON.stringify({ name, color: "slate" }) });
  expect(response.status).toBe(201);
  return (await response.json()).id;
}

describe("filters and search", () => {
  const tag = uniqueTag().toLowerCase();
  let labelId: string;
  let person: Awaited<ReturnType<typeof invitedUser>>;
  let managerId: string;

  beforeAll(async () => {
    labelId = await createLabel(manager, `lbl ${tag}`);
    person = await invitedUser({ admin, name: `Priya ${tag}` });
    const changed = await admin.fetch(`/api/users/${person.id}`, { method: "PATCH", body: JSON.stringify({ role: "MANAGER" }) });
    expect(changed.status).toBe(200);
    // Only the body (in the after JSON) carries this word.
    const canned = await manager.fetch("/api/canned-responses", {
      method: "POST",
      body: JSON.stringify({ shortcut: `c${tag}`, title: "Hours", body: `Open until nine, ask for zebra${tag}` }),
    });
    expect(canned.status).toBe(201);
    managerId = (await db.user.findUniqueOrThrow({ where: { email: "manager@example.com" } })).id;
  });

  it("answers the contract's shape, with who, what in words, target, when, IP and before/after", async () => {
    const { items } = await log({ q: tag, action: "user.role_changed" });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      actor: { name: "Ada Admin" },
      action: "user.role_changed",
      target: { type: "user", id: person.id, name: `Priya ${tag}` },
      before: { role: "AGENT" },
      after: { role: "MANAGER" },
      ip: expect.stringMatching(/127\.0\.0\.1|::1/),
      reason: null,
      summary: `Changed Priya ${tag}'s role from Agent to Manager`,
    });
    expect(Date.parse(items[0]!.at)).toBeGreaterThan(Date.now() - 10 * 60_000);
  });

  it("searches the actor, the target's id, the action and words inside before/after", async () => {
    expect((await log({ q: `zebra${tag}` })).items.map((item) => item.action)).toEqual(["canned_response.saved"]);
    expect((await log({ q: labelId })).items.map((item) => item.action)).toEqual(["label.created"]);
    // Every word must match, in any field: the label's name and the actor's.
    expect((await log({ q: `Maya lbl ${tag}` })).items.map((item) => item.target.id)).toEqual([labelId]);
    expect((await log({ q: `${tag} nosuchword` })).items).toEqual([]);
    // LIKE's wildcards are searched for as characters.
    expect((await log({ q: `%${tag}` })).items).toEqual([]);
  });

  it("filters by actor, actions, target and dates", async () => {
    const byManager = await log({ q: tag, actor: managerId });
    expect(byManager.items.map((item) => item.action).sort()).toEqual(["canned_response.saved", "label.created"]);
    const actions = await log({ q: tag, action: "label.created,user.role_changed" });
    expect(actions.items.map((item) => item.action).sort()).toEqual(["label.created", "user.role_changed"]);
    const target = await log({ targetType: "user", targetId: person.id });
    expect(target.items.map((item) => item.action).sort()).toEqual(["auth.signed_in", "invite.accepted", "user.role_changed"]);
    expect(target.items.every((item) => item.target.id === person.id)).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    expect((await log({ q: tag, from: today })).items.length).toBeGreaterThanOrEqual(4);
    expect((await log({ q: tag, to: "2020-01-01" })).items).toEqual([]);
    expect((await log({ q: tag, from: new Date(Date.now() + 60_000).toISOString() })).items).toEqual([]);
  });

  it("refuses a malformed filter with the field named", async () => {
    const response = await admin.fetch("/api/audit?from=yesterday");
    expect(response.status).toBe(400);
    expect((await response.json()).error.details[0].path).toBe("from");
  });
});

describe("paging", () => {
  it("walks every matching event once, newest first, while new ones are written", async () => {
    const tag = uniqueTag().toLowerCase();
    const first: string[] = [];
    for (let i = 0; i < 7; i++) first.push(await createLabel(manager, `p${i} ${tag}`));
    const seen: Item[] = [];
    const written: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page = await log({ q: tag, limit: "3", ...(cursor ? { cursor } : {}) });
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
      // A new matching event lands between every two pages; it is newer than the walk's start.
      written.push(await createLabel(manager, `p-new${pages} ${tag}`));
    } while (cursor);
    expect(pages).toBe(3);
    const ids = seen.map((item) => item.target.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...first].reverse());
    const seqs = seen.map((item) => BigInt(item.seq));
    expect(seqs.every((seq, i) => i === 0 || seq < seqs[i - 1]!)).toBe(true);
    // A walk from the top again finds the newer ones first.
    expect((await log({ q: tag, limit: "3" })).items.map((item) => item.target.id)).toEqual([...written].reverse().slice(0, 3));
  });

  it("refuses a cursor it did not give out", async () => {
    expect((await admin.fetch("/api/audit?cursor=abc")).status).toBe(400);
  });
});

describe("export", () => {
  const tag = uniqueTag().toLowerCase();
  let person: Awaited<ReturnType<typeof invitedUser>>;

  beforeAll(async () => {
    // A name a spreadsheet would run as a formula, with a comma and quotes to be quoted.
    person = await invitedUser({ admin, role: "MANAGER", name: `=HYPERLINK("x",${tag})` });
    await createLabel(person.session, `exp ${tag}`);
  });

  it("streams CSV that parses, with the formula guard", async () => {
    const response = await admin.fetch(`/api/audit/export?format=csv&q=${tag}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-log-.+\.csv"$/);
    const rows = parseCsv((await response.text()).replace(/^\uFEFF/, ""));
    const [header, ...events] = rows;
    expect(header).toEqual([
      "seq",
      "id",
      "at",
      "actor_id",
      "actor",
      "action",
      "summary",
      "target_type",
      "target_id",
      "target",
      "ip",
      "reason",
      "before",
      "after",
    ]);
    // The export is itself an event, recorded before the first byte with the filter it used.
    expect(events.map((row) => row[5])).toEqual(["audit.exported", "label.created", "auth.signed_in", "invite.accepted", "invite.created"]);
    expect(events[0]!.slice(4, 7)).toEqual(["Ada Admin", "audit.exported", "Exported the audit log as CSV"]);
    expect(JSON.parse(events[0]![13]!)).toEqual({ format: "csv", filter: { q: tag } });
    const label = events[1]!;
    expect(label[4]).toBe(`'=HYPERLINK("x",${tag})`);
    expect(JSON.parse(label[13]!)).toMatchObject({ name: `exp ${tag}` });
    expect(label[10]).toMatch(/127\.0\.0\.1|::1/);
    expect(events.every((row) => row.length === header!.length)).toBe(true);
  });

  it("streams JSON Lines in the API's shape, the whole filtered set across pages", async () => {
    const response = await admin.fetch(`/api/audit/export?format=jsonl&actor=${person.id}`);
    expect(response.status).toBe(200);
    const lines = (await response.text()).trimEnd().split("\n");
    const items = lines.map((line) => JSON.parse(line) as Item);
    expect(items.map((item) => item.action)).toEqual(["label.created", "auth.signed_in", "invite.accepted"]);
    expect(items[0]).toMatchObject({
      actor: { id: person.id, name: `=HYPERLINK("x",${tag})` },
      summary: expect.stringContaining("Created the label"),
    });
  });
});

describe("who may read it", () => {
  it.each(["agent@example.com", "manager@example.com"])("refuses %s", async (email) => {
    const session = await signIn(email);
    for (const path of ["/api/audit", "/api/audit/export?format=csv", "/api/audit/verify"]) {
      const response = await session.fetch(path);
      expect(response.status, path).toBe(403);
    }
    expect((await session.fetch("/api/audit/verify", { method: "POST" })).status).toBe(403);
  });
});

/** RFC 4180: quoted cells may hold commas, doubled quotes and line breaks; lines end with CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted && char === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ",") {
      row.push(cell);
      cell = "";
    } else if (!quoted && char === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else {
      cell += char;
    }
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}
