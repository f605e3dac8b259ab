import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, inject } from "vitest";
import { db } from "@/lib/db/client";
import { root } from "../../scripts/lib/server-process";
import { signIn, type Session } from "../support/http";

// Accounts for the users, invitations and revocation tests: each test invites its own people with
// unique e-mail addresses, through the admin API and the invitation link, as a person would.

export const ADMIN = "admin@example.com";

export function uniqueEmail(prefix = "person"): string {
  return `${prefix}-${randomBytes(5).toString("hex")}@example.test`;
}

/** A password that passes the rules and nobody else uses. */
export function strongPassword(): string {
  return `Harbour-lamp-${randomBytes(4).toString("hex")}`;
}

export function tokenOf(link: string): string {
  const token = new URL(link).searchParams.get("token");
  expect(token).toBeTruthy();
  return token!;
}

export async function demoInboxId(): Promise<string> {
  return (await db.inbox.findFirstOrThrow({ where: { channel: { phoneNumberId: inject("phoneNumberId") } } })).id;
}

/** The admin invites someone; returns the invitation as the API answered. */
export async function invite(
  admin: Session,
  input: { email?: string; name?: string; role?: string; inboxIds?: string[]; teamIds?: string[] } = {},
) {
  const email = input.email ?? uniqueEmail();
  const response = await admin.fetch("/api/invites", { method: "POST", body: JSON.stringify({ role: "AGENT", ...input, email }) });
  expect(response.status, await response.clone().text()).toBe(201);
  const body = (await response.json()) as { link: string; invite: { id: string }; emailed: boolean };
  return { email, link: body.link, token: tokenOf(body.link), inviteId: body.invite.id, emailed: body.emailed };
}

/** Accepts an invitation over the API, as the invitation page does. */
export function accept(token: string, { name = "Test Person", password = strongPassword() }: { name?: string; password?: string } = {}) {
  return fetch(`${inject("baseUrl")}/api/invites/accept`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token, name, password }),
  });
}

/** Someone invited as `role` to `inboxIds`, who accepted and signed in. */
export async function invitedUser({
  admin,
  role = "AGENT",
  inboxIds = [] as string[],
  name = "Test Person",
}: {
  admin: Session;
  role?: string;
  inboxIds?: string[];
  name?: string;
}) {
  const password = strongPassword();
  const { email, token } = await invite(admin, { role, inboxIds, name });
  const accepted = await accept(token, { name, password });
  expect(accepted.status, await accepted.clone().text()).toBe(201);
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  return { id: user.id, email, password, session: await signIn(email, password) };
}

/** The setup links a server printed into test-results/<logName>, oldest first. */
export function setupLinks(logName: string): string[] {
  const log = readFileSync(path.join(root, "test-results", logName), "utf8");
  return [...log.matchAll(/(https?:\/\/\S+\/setup\?token=[\w-]+)/g)].map((match) => match[1]!);
}
