import { scratchDatabase } from "../support/scratch-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInCookie } from "../../scripts/lib/sign-in";
import type { ServerProcess } from "../../scripts/lib/server-process";
import { startServer } from "../support/stack";
import { setupLinks, strongPassword, tokenOf } from "./accounts-support";

// A server started on an empty database without the demo: it prints a one-time setup link, which
// creates the first admin and nothing else can. Then the rule that an active admin always remains.

const LOG = "first-run-integration.log";
let database: Awaited<ReturnType<typeof scratchDatabase>>;
let server: ServerProcess | null = null;
const owner = { email: "owner@example.test", name: "Olu Owner", password: strongPassword(), cookie: "" };

beforeAll(async () => {
  database = await scratchDatabase("first_run");
});

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

/** Starts the server on the empty database; returns the setup link it printed. */
async function start(): Promise<string> {
  const before = printedLinks().length;
  server = await startServer({ databaseUrl: database.url, logName: LOG, env: { SEED_DEMO: "false" } });
  const links = printedLinks();
  expect(links.length).toBe(before + 1);
  return links.at(-1)!;
}

function printedLinks(): string[] {
  try {
    return setupLinks(LOG);
  } catch {
    return []; // no log yet
  }
}

const at = (path: string, init?: RequestInit) => fetch(`${server!.baseUrl}${path}`, init);
const send = (method: string, path: string, body: unknown, cookie?: string) =>
  at(path, { method, headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });

async function listUsers(cookie: string) {
  const response = await at("/api/users", { headers: { cookie } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { users: { id: string; email: string; role: string; active: boolean }[] }).users;
}

describe("first run", () => {
  it("prints a fresh setup link on each start while nobody has an account; only the newest works, once", async () => {
    const first = await start();
    expect(first).toMatch(new RegExp(`^${server!.baseUrl}/setup\\?token=[\\w-]{40,}$`));
    await server!.stop();
    const link = await start();
    expect(link).not.toBe(first);

    const bare = await at("/setup");
    expect(bare.status).toBe(200);
    expect(await bare.text()).toContain("Open the setup link Switchboard printed");
    expect(await (await at(`/setup?token=${tokenOf(first)}`)).text()).toContain("This setup link was withdrawn");
    expect(await (await at(`/setup?token=${tokenOf(link)}`)).text()).toContain("Create admin account");

    const { email, name, password } = owner;
    expect((await send("POST", "/api/setup", { token: tokenOf(first), name, email, password })).status).toBe(422);
    expect((await send("POST", "/api/setup", { token: "made-up-token-0123456789", name, email, password })).status).toBe(404);
    const weak = await send("POST", "/api/setup", { token: tokenOf(link), name, email, password: "qwertyuiop" });
    expect(weak.status).toBe(400);
    expect((await weak.json()).error.message).toMatch(/most common/);

    const created = await send("POST", "/api/setup", { token: tokenOf(link), name, email, password });
    expect(created.status, await created.clone().text()).toBe(201);
    owner.cookie = await signInCookie(server!.baseUrl, email, password);
    expect(await (await at("/api/account", { headers: { cookie: owner.cookie } })).json()).toMatchObject({ email, name, role: "ADMIN" });

    expect(await (await at(`/setup?token=${tokenOf(link)}`)).text()).toContain("already set up");
    expect(
      (await send("POST", "/api/setup", { token: tokenOf(link), name: "Second", email: "second@example.test", password: strongPassword() }))
        .status,
    ).toBe(409);
  });

  it("keeps an active admin: the only admin can't step down, and two admins demoting each other leave one", async () => {
    const self = (await listUsers(owner.cookie)).find((user) => user.email === owner.email)!;
    const demote = await send("PATCH", `/api/users/${self.id}`, { role: "MANAGER" }, owner.cookie);
    expect(demote.status).toBe(409);
    expect((await demote.json()).error.message).toBe(
      "Olu Owner is the last active admin. Make someone else an admin first, so somebody can still manage users.",
    );
    const deactivate = await send("POST", `/api/users/${self.id}/deactivate`, {}, owner.cookie);
    expect(deactivate.status).toBe(409);
    expect((await deactivate.json()).error.message).toMatch(/last active admin/);

    const invited = await send("POST", "/api/invites", { email: "deputy@example.test", role: "ADMIN" }, owner.cookie);
    expect(invited.status).toBe(201);
    const deputyPassword = strongPassword();
    const accepted = await send("POST", "/api/invites/accept", {
      token: tokenOf((await invited.json()).link),
      name: "Dee Deputy",
      password: deputyPassword,
    });
    expect(accepted.status).toBe(201);
    const deputyCookie = await signInCookie(server!.baseUrl, "deputy@example.test", deputyPassword);
    const deputy = (await listUsers(owner.cookie)).find((user) => user.email === "deputy@example.test")!;

    // Each demotes the other at the same moment: whichever runs second finds no other admin left.
    const outcomes = await Promise.all([
      send("PATCH", `/api/users/${deputy.id}`, { role: "AGENT" }, owner.cookie),
      send("PATCH", `/api/users/${self.id}`, { role: "AGENT" }, deputyCookie),
    ]);
    const statuses = outcomes.map((response) => response.status).sort();
    expect(statuses[0]).toBe(200);
    expect([403, 409]).toContain(statuses[1]);
    const winner = outcomes[0]!.status === 200 ? owner.cookie : deputyCookie;
    const admins = (await listUsers(winner)).filter((user) => user.role === "ADMIN" && user.active);
    expect(admins).toHaveLength(1);
  });
});
