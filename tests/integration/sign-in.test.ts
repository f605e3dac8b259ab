import { randomInt } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { db, disconnectDb } from "@/lib/db/client";
import { baseUrl, signIn } from "../support/http";
import { uniqueTag } from "./factories";

// Sign-in through next-auth's credentials endpoint, as the login page does: failures are throttled
// per account and per client address (429 with Retry-After), an unknown e-mail costs as much time
// as a known one, and every attempt is in the audit trail. Each test names its own client address
// (the test server trusts X-Forwarded-For), so the limits of one test never touch another.

afterAll(() => disconnectDb());

const PASSWORD = "correct horse battery";
let passwordHash: Promise<string> | undefined;

async function newUser(tag = uniqueTag()) {
  passwordHash ??= hashPassword(PASSWORD);
  return db.user.create({
    data: { email: `signin-${tag}@example.com`, name: `Sign-in ${tag}`, role: "AGENT", passwordHash: await passwordHash },
  });
}

function newAddress(): string {
  return `10.${randomInt(0, 256)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

/** One sign-in attempt from `address`; the status next-auth (or the limiter) answers with. */
async function attempt(email: string, password: string, address: string): Promise<Response> {
  const csrf = await fetch(`${baseUrl()}/api/auth/csrf`);
  const cookie = csrf.headers
    .getSetCookie()
    .map((header) => header.split(";")[0])
    .join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  return fetch(`${baseUrl()}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": address },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
}

const sessionIssued = (response: Response) => response.headers.getSetCookie().some((header) => header.includes("session-token="));

describe("sign-in limits", () => {
  it("locks an account after 5 failures in 15 minutes with 429 and Retry-After, then lets it in once the window passes", async () => {
    const user = await newUser();
    const address = newAddress();
    for (let failure = 1; failure <= 5; failure++) {
      expect((await attempt(user.email, "wrong password!", address)).status).toBe(401);
    }
    const locked = await attempt(user.email, PASSWORD, address);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    expect(sessionIssued(locked)).toBe(false);
    expect(await locked.json()).toMatchObject({
      error: { code: "TOO_MANY_ATTEMPTS", message: expect.stringMatching(/Try again in 15 minutes/) },
    });
    // From another address too: the lock is on the account.
    expect((await attempt(user.email, PASSWORD, newAddress())).status).toBe(429);

    const events = await db.auditEvent.findMany({ where: { targetType: "user", targetId: user.id }, orderBy: { seq: "asc" } });
    expect(events.map((event) => event.action)).toEqual([...Array(5).fill("auth.sign_in_failed"), "auth.locked_out"]);
    expect(events[0]).toMatchObject({ reason: "wrong password", after: { email: user.email, address } });

    // The window passes (the counter's expiry moves into the past, as 15 minutes would).
    await db.$executeRaw`UPDATE rate_limit SET expire = ${Date.now() - 1} WHERE key = ${`sign-in:account:${user.email}`}`;
    const after = await attempt(user.email, PASSWORD, address);
    expect(after.status).toBe(200);
    expect(sessionIssued(after)).toBe(true);
    expect(await db.auditEvent.count({ where: { targetId: user.id, action: "auth.signed_in" } })).toBe(1);
  });

  it("stops a spray of guesses across many accounts from one address", async () => {
    const address = newAddress();
    const tag = uniqueTag();
    for (let guess = 0; guess < 30; guess++) {
      expect((await attempt(`spray-${tag}-${guess}@example.com`, "Summer2026!", address)).status).toBe(401);
    }
    const user = await newUser();
    expect((await attempt(user.email, PASSWORD, address)).status).toBe(429);
    expect((await attempt(user.email, PASSWORD, newAddress())).status).toBe(200);
  });

  it("a success clears the account's failures", async () => {
    const user = await newUser();
    const address = newAddress();
    for (let failure = 0; failure < 4; failure++) await attempt(user.email, "wrong password!", address);
    expect((await attempt(user.email, PASSWORD, address)).status).toBe(200);
    for (let failure = 0; failure < 4; failure++) expect((await attempt(user.email, "wrong password!", address)).status).toBe(401);
    expect((await attempt(user.email, PASSWORD, address)).status).toBe(200);
  });

  it("refuses a deactivated account with the right password, as it would a wrong one", async () => {
    const user = await newUser();
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    const response = await attempt(user.email, PASSWORD, newAddress());
    expect(response.status).toBe(401);
    expect(sessionIssued(response)).toBe(false);
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: user.id, action: "auth.sign_in_failed" } });
    expect(event.reason).toBe("the account is deactivated");
  });
});

describe("account enumeration", () => {
  it("answers an unknown e-mail within 25 % of the time a known e-mail with a wrong password takes", async () => {
    const rounds = 12;
    // Fresh accounts, each tried at most twice, so no lock-out makes the known side faster.
    const users = await Promise.all(Array.from({ length: rounds / 2 }, () => newUser()));
    const known: number[] = [];
    const unknown: number[] = [];
    const time = async (email: string) => {
      const started = performance.now();
      const response = await attempt(email, "not the password", newAddress());
      expect(response.status).toBe(401);
      return performance.now() - started;
    };
    await time(`warm-up-${uniqueTag()}@example.com`);
    for (let round = 0; round < rounds; round++) {
      // Interleaved, so load from other tests falls on both sides alike.
      known.push(await time(users[round % users.length]!.email));
      unknown.push(await time(`nobody-${uniqueTag()}@example.com`));
    }
    const ratio = median(unknown) / median(known);
    expect(ratio, `unknown ${median(unknown).toFixed(0)} ms vs known ${median(known).toFixed(0)} ms`).toBeGreaterThan(0.75);
    expect(ratio).toBeLessThan(1.25);
  });
});

describe("sessions", () => {
  it("records a successful sign-in in the audit trail", async () => {
    const user = await newUser();
    await signIn(user.email, PASSWORD);
    expect(await db.auditEvent.count({ where: { targetId: user.id, action: "auth.signed_in" } })).toBe(1);
  });
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
