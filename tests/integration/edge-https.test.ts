import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServerProcess } from "../../scripts/lib/server-process";
import { scratchDatabase } from "../support/scratch-database";
import { startServer } from "../support/stack";

// Behind https (NEXTAUTH_URL=https://…) browsers are told to stay on https and next-auth's cookies
// are Secure. This server still listens on plain http locally: both depend on configuration only.
// It gets a database of its own in the suite's cluster, so its start-up touches nobody's data.

const PUBLIC_URL = "https://inbox.test.example";
let server: ServerProcess;
let database: Awaited<ReturnType<typeof scratchDatabase>>;

beforeAll(async () => {
  database = await scratchDatabase("switchboard_https");
  server = await startServer({ databaseUrl: database.url, logName: "edge-https-server.log", env: { NEXTAUTH_URL: PUBLIC_URL } });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

const HSTS = "max-age=63072000; includeSubDomains";

describe("behind https", () => {
  it("sends HSTS on pages and API responses, and upgrades insecure requests", async () => {
    const page = await fetch(`${server.baseUrl}/login`);
    expect(page.status).toBe(200);
    expect(page.headers.get("strict-transport-security")).toBe(HSTS);
    expect(page.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    const api = await fetch(`${server.baseUrl}/api/health`);
    expect(api.headers.get("strict-transport-security")).toBe(HSTS);
  });

  it("issues next-auth's cookies Secure, with the __Host- and __Secure- prefixes", async () => {
    const csrf = await fetch(`${server.baseUrl}/api/auth/csrf`);
    const csrfCookies = csrf.headers.getSetCookie();
    expect(csrfCookies.find((c) => c.startsWith("__Host-next-auth.csrf-token="))).toMatch(/;\s*Secure/i);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };

    const signIn = await fetch(`${server.baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookies.map((c) => c.split(";")[0]).join("; ") },
      body: new URLSearchParams({ csrfToken, email: "agent@example.com", password: "switchboard", json: "true" }),
    });
    const cookies = signIn.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith("__Secure-next-auth.session-token="));
    expect(session, cookies.join("\n")).toMatch(/;\s*Secure/i);
    expect(cookies.every((c) => /;\s*Secure/i.test(c))).toBe(true);
    expect(new URL(((await signIn.json()) as { url: string }).url).origin).toBe(PUBLIC_URL);
  });
});
