import { randomInt } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { baseUrl, signIn } from "../support/http";
import { accept, ADMIN, demoInboxId, invite, invitedUser, strongPassword, uniqueEmail } from "./accounts-support";

// Invitations, password-reset links, password rules and the guard rails on admins, through the
// JSON API and the pages a person opens from a link, against the running server.

afterAll(() => disconnectDb());

const anonymous = (path: string, init?: RequestInit) => fetch(`${baseUrl()}${path}`, init);
const postJson = (path: string, body: unknown) =>
  anonymous(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("who may manage users", () => {
  it.each([
    ["agent@example.com", 403],
    ["manager@example.com", 403],
    [ADMIN, 200],
  ])("GET /api/users as %s answers %i", async (email, status) => {
    const user = await signIn(email);
    expect((await user.fetch("/api/users")).status).toBe(status);
  });

  it("refuses invitations and role changes to a manager, and everything to a signed-out caller", async () => {
    const manager = await signIn("manager@example.com");
    const agent = await db.user.findUniqueOrThrow({ where: { email: "agent@example.com" } });
    expect(
      (await manager.fetch("/api/invites", { method: "POST", body: JSON.stringify({ email: uniqueEmail(), role: "ADMIN" }) })).status,
    ).toBe(403);
    expect((await manager.fetch(`/api/users/${agent.id}`, { method: "PATCH", body: JSON.stringify({ role: "ADMIN" }) })).status).toBe(403);
    expect((await anonymous("/api/users")).status).toBe(401);
    expect((await postJson(`/api/users/${agent.id}/deactivate`, {})).status).toBe(401);
    expect((await anonymous("/api/account")).status).toBe(401);
    expect(
      (await signIn("agent@example.com").then((s) => s.fetch(`/api/users/${agent.id}/password-reset`, { method: "POST", body: "{}" })))
        .status,
    ).toBe(403);
  });
});

describe("invitations", () => {
  it("invite → accept → sign in: the new person has the role, inbox and team they were invited to", async () => {
    const admin = await signIn(ADMIN);
    const inboxId = await demoInboxId();
    const team = await db.team.findUniqueOrThrow({ where: { name: "Support" } });
    const { email, link, token, inviteId } = await invite(admin, {
      name: "Nia Newcomer",
      role: "MANAGER",
      inboxIds: [inboxId],
      teamIds: [team.id],
    });
    expect(link).toBe(`${baseUrl()}/invite?token=${token}`);
    // Only the hash is stored.
    expect(await db.userToken.count({ where: { tokenHash: token } })).toBe(0);

    const listed = (await (await admin.fetch("/api/users")).json()) as {
      invites: { id: string; email: string; role: string; inboxes: { id: string }[] }[];
    };
    expect(listed.invites.find((row) => row.id === inviteId)).toMatchObject({ email, role: "MANAGER", inboxes: [{ id: inboxId }] });

    // As a reader sees it: without the markers React puts between adjacent text nodes.
    const page = (await (await anonymous(`/invite?token=${token}`)).text()).replaceAll("<!-- -->", "");
    expect(page).toContain("Ada Admin");
    expect(page).toMatch(/invited you as .*manager/);
    expect(page).toContain(email);

    const password = strongPassword();
    const accepted = await accept(token, { name: "Nia Newcomer", password });
    expect(accepted.status, await accepted.clone().text()).toBe(201);
    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { inboxes: true, teams: true } });
    expect(user).toMatchObject({ name: "Nia Newcomer", role: "MANAGER", active: true });
    expect(user.inboxes.map((m) => m.inboxId)).toEqual([inboxId]);
    expect(user.teams.map((m) => m.teamId)).toEqual([team.id]);

    const session = await signIn(email, password);
    expect((await session.fetch("/api/conversations")).status).toBe(200);
    expect(await (await session.fetch("/api/account")).json()).toMatchObject({ email, name: "Nia Newcomer", role: "MANAGER" });

    const actions = (await db.auditEvent.findMany({ where: { targetId: { in: [inviteId, user.id] } }, orderBy: { seq: "asc" } })).map(
      (event) => event.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["invite.created", "invite.accepted", "auth.signed_in"]));
  });

  it("works once: a used, an expired, a withdrawn and a made-up invitation are refused in words", async () => {
    const admin = await signIn(ADMIN);
    const used = await invite(admin);
    expect((await accept(used.token)).status).toBe(201);
    const again = await accept(used.token);
    expect(again.status).toBe(422);
    expect((await again.json()).error.message).toMatch(/already been used/);
    expect(await (await anonymous(`/invite?token=${used.token}`)).text()).toContain("already been used");

    const expired = await invite(admin);
    await db.userToken.update({ where: { id: expired.inviteId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const late = await accept(expired.token);
    expect(late.status).toBe(422);
    expect((await late.json()).error.message).toMatch(/expired/);
    expect(await (await anonymous(`/invite?token=${expired.token}`)).text()).toContain("This invitation has expired");

    const withdrawn = await invite(admin);
    expect((await admin.fetch(`/api/invites/${withdrawn.inviteId}`, { method: "DELETE", body: "{}" })).status).toBe(200);
    const revoked = await accept(withdrawn.token);
    expect(revoked.status).toBe(422);
    expect((await revoked.json()).error.message).toMatch(/withdrawn/);
    expect(await db.user.count({ where: { email: { in: [expired.email, withdrawn.email] } } })).toBe(0);

    expect((await accept("not-a-real-token-0123456789")).status).toBe(404);
    const page = await anonymous("/invite?token=not-a-real-token-0123456789");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("This invitation is not valid");
  });

  it("says so when the e-mail already has an account, and a second invitation withdraws the first", async () => {
    const admin = await signIn(ADMIN);
    const taken = await admin.fetch("/api/invites", {
      method: "POST",
      body: JSON.stringify({ email: "Agent@Example.com", role: "AGENT" }),
    });
    expect(taken.status).toBe(409);
    expect((await taken.json()).error.message).toBe("agent@example.com already has an account.");

    const email = uniqueEmail();
    const first = await invite(admin, { email });
    const second = await invite(admin, { email });
    expect((await accept(first.token)).status).toBe(422);
    expect((await accept(second.token)).status).toBe(201);
  });

  it("enforces the password rules: too short, too common, built from the name", async () => {
    const admin = await signIn(ADMIN);
    const { token, email } = await invite(admin);
    const cases: [string, RegExp][] = [
      ["short1", /at least 10 characters/],
      ["password123", /most common passwords/],
      ["Quentin Quarrel 42", /name or e-mail/],
    ];
    for (const [password, message] of cases) {
      const response = await accept(token, { name: "Quentin Quarrel", password });
      expect(response.status, password).toBe(400);
      const body = await response.json();
      expect(body.error.message).toMatch(message);
      expect(body.error.details).toEqual([{ path: "password", message: body.error.message }]);
    }
    expect(await db.user.count({ where: { email } })).toBe(0);
    // The refused attempts did not spend the invitation.
    expect((await accept(token, { name: "Quentin Quarrel" })).status).toBe(201);
  });
});

describe("password-reset links", () => {
  it("set a new password once, end the old sessions and leave the old password useless", async () => {
    const admin = await signIn(ADMIN);
    const person = await invitedUser({ admin });
    const issued = await admin.fetch(`/api/users/${person.id}/password-reset`, { method: "POST", body: "{}" });
    expect(issued.status).toBe(201);
    const { link } = (await issued.json()) as { link: string };
    const token = new URL(link).searchParams.get("token")!;
    expect(link.startsWith(`${baseUrl()}/reset-password?token=`)).toBe(true);
    expect(await (await anonymous(`/reset-password?token=${token}`)).text()).toContain(person.email);

    const weak = await postJson("/api/password-reset", { token, password: "1234567890" });
    expect(weak.status).toBe(400);
    expect((await weak.json()).error.message).toMatch(/most common/);

    // Until the link is used, the current password and session still work.
    expect((await person.session.fetch("/api/account")).status).toBe(200);
    const fresh = strongPassword();
    const reset = await postJson("/api/password-reset", { token, password: fresh });
    expect(reset.status, await reset.clone().text()).toBe(200);

    expect((await person.session.fetch("/api/account")).status).toBe(401);
    await expect(signIn(person.email, person.password)).rejects.toThrow(/failed/);
    expect((await (await signIn(person.email, fresh)).fetch("/api/account")).status).toBe(200);
    const user = await db.user.findUniqueOrThrow({ where: { id: person.id } });
    expect(user.passwordChangedAt).not.toBeNull();

    const twice = await postJson("/api/password-reset", { token, password: strongPassword() });
    expect(twice.status).toBe(422);
    expect((await twice.json()).error.message).toMatch(/already been used/);
    const events = await db.auditEvent.findMany({
      where: { targetId: person.id, action: { in: ["user.password_reset_issued", "user.password_reset"] } },
    });
    expect(events.map((event) => event.action).sort()).toEqual(["user.password_reset", "user.password_reset_issued"]);
  });
});

describe("/account", () => {
  it("changes the password only with the current one, and ends the other sessions", async () => {
    const admin = await signIn(ADMIN);
    const person = await invitedUser({ admin });
    const other = await signIn(person.email, person.password);
    const next = strongPassword();

    // From an address of its own, so the failed attempt counts against nobody else's sign-in limit.
    const wrong = await person.session.fetch("/api/account/password", {
      method: "POST",
      headers: { "x-forwarded-for": `203.0.113.${randomInt(1, 255)}` },
      body: JSON.stringify({ currentPassword: "not-my-password", newPassword: next }),
    });
    expect(wrong.status).toBe(422);
    expect((await wrong.json()).error.message).toBe("Your current password is not right.");
    const short = await person.session.fetch("/api/account/password", {
      method: "POST",
      body: JSON.stringify({ currentPassword: person.password, newPassword: "short" }),
    });
    expect(short.status).toBe(400);
    expect((await other.fetch("/api/account")).status).toBe(200);

    const changed = await person.session.fetch("/api/account/password", {
      method: "POST",
      body: JSON.stringify({ currentPassword: person.password, newPassword: next }),
    });
    expect(changed.status, await changed.clone().text()).toBe(200);
    expect((await other.fetch("/api/account")).status).toBe(401);
    expect((await person.session.fetch("/api/account")).status).toBe(401);
    await expect(signIn(person.email, person.password)).rejects.toThrow(/failed/);
    expect((await (await signIn(person.email, next)).fetch("/api/account")).status).toBe(200);
    expect(await db.auditEvent.count({ where: { targetId: person.id, action: "user.password_changed" } })).toBe(1);
  });

  it("keeps name, language and time zone; refuses a made-up zone; signs out everywhere", async () => {
    const admin = await signIn(ADMIN);
    const person = await invitedUser({ admin });
    const saved = await person.session.fetch("/api/account", {
      method: "PATCH",
      body: JSON.stringify({ name: "Tala Santos", locale: "tl", timeZone: "Asia/Manila" }),
    });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ name: "Tala Santos", locale: "tl", timeZone: "Asia/Manila" });
    const page = await (await person.session.fetch("/account")).text();
    expect(page).toContain("Tala Santos");
    expect(page).toContain("Asia/Manila");

    expect(
      (await person.session.fetch("/api/account", { method: "PATCH", body: JSON.stringify({ timeZone: "Mars/Olympus" }) })).status,
    ).toBe(400);
    expect((await person.session.fetch("/api/account", { method: "PATCH", body: JSON.stringify({ locale: "fr" }) })).status).toBe(400);
    const follow = await person.session.fetch("/api/account", { method: "PATCH", body: JSON.stringify({ locale: null, timeZone: null }) });
    expect(await follow.json()).toMatchObject({ locale: null, timeZone: null });

    const other = await signIn(person.email, person.password);
    expect((await person.session.fetch("/api/account/sign-out-everywhere", { method: "POST", body: "{}" })).status).toBe(200);
    expect((await other.fetch("/api/account")).status).toBe(401);
    expect((await person.session.fetch("/api/account")).status).toBe(401);
  });
});

describe("guard rails on admins", () => {
  it("an admin can't deactivate or demote themselves", async () => {
    const admin = await signIn(ADMIN);
    // A second admin, so the refusal is about acting on oneself, not about the last admin.
    const second = await invitedUser({ admin, role: "ADMIN" });
    const deactivate = await second.session.fetch(`/api/users/${second.id}/deactivate`, { method: "POST", body: "{}" });
    expect(deactivate.status).toBe(422);
    expect((await deactivate.json()).error.message).toBe("You can't deactivate your own account. Ask another admin to do it.");
    const demote = await second.session.fetch(`/api/users/${second.id}`, { method: "PATCH", body: JSON.stringify({ role: "AGENT" }) });
    expect(demote.status).toBe(422);
    expect((await demote.json()).error.message).toMatch(/can't change your own role/);
    expect(await db.user.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ role: "ADMIN", active: true });
  });

  it("records a role change with before and after, and refuses an inbox that does not exist", async () => {
    const admin = await signIn(ADMIN);
    const person = await invitedUser({ admin });
    const changed = await admin.fetch(`/api/users/${person.id}`, { method: "PATCH", body: JSON.stringify({ role: "MANAGER" }) });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ id: person.id, role: "MANAGER" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: person.id, action: "user.role_changed" } });
    expect(event).toMatchObject({ actorLabel: "Ada Admin", before: { role: "AGENT" }, after: { role: "MANAGER" } });

    const stale = await admin.fetch(`/api/users/${person.id}`, {
      method: "PATCH",
      body: JSON.stringify({ inboxIds: ["no-such-inbox"] }),
    });
    expect(stale.status).toBe(400);
    expect((await stale.json()).error.message).toMatch(/no longer exists/);
  });

  it("the setup page and API refuse once anyone has an account", async () => {
    const page = await anonymous("/setup");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("already set up");
    const response = await postJson("/api/setup", {
      token: "x".repeat(43),
      name: "Mallory",
      email: uniqueEmail(),
      password: strongPassword(),
    });
    expect(response.status).toBe(409);
  });
});
