import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { baseUrl, postWebhook, signIn, type Session } from "../support/http";
import { customerWritesIn, inboundTextBody } from "./factories";
import { png, upload } from "./sending";

// What every request meets before its route (proxy.ts): state-changing API calls only as JSON and
// only from Switchboard's own pages, and security headers on every response, pages with a CSP
// whose nonce is on every script they contain.

afterAll(() => disconnectDb());

const EVIL = "https://evil.example";

async function conversationStatus(id: string) {
  return (await db.conversation.findUniqueOrThrow({ where: { id } })).status;
}

describe("state-changing API calls", () => {
  it("refuses a text/plain body with 415 and leaves the conversation alone", async () => {
    const { conversation } = await customerWritesIn();
    const agent = await signIn("agent@example.com");
    const response = await agent.fetch(`/api/conversations/${conversation.id}`, {
      method: "PATCH",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ status: "RESOLVED" }),
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({
      error: { code: "UNSUPPORTED_MEDIA_TYPE", message: expect.stringContaining("application/json") },
    });
    expect(await conversationStatus(conversation.id)).toBe("OPEN");
  });

  it.each([
    ["an Origin of another site", { origin: EVIL }],
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
    ["Origin: null", { origin: "null" }],
  ])("refuses JSON with %s with 403, even with a valid session", async (_case, headers) => {
    const { conversation } = await customerWritesIn();
    const agent = await signIn("agent@example.com");
    const response = await agent.fetch(`/api/conversations/${conversation.id}`, {
      method: "PATCH",
      headers,
      body: JSON.stringify({ status: "RESOLVED" }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: { code: "FORBIDDEN", message: expect.stringMatching(/another website/) } });
    expect(await conversationStatus(conversation.id)).toBe("OPEN");
  });

  it("lets same-origin JSON through to the route", async () => {
    const { conversation } = await customerWritesIn();
    const agent = await signIn("agent@example.com");
    const response = await agent.fetch(`/api/conversations/${conversation.id}`, {
      method: "PATCH",
      headers: { origin: baseUrl(), "sec-fetch-site": "same-origin", "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify({ status: "RESOLVED" }),
    });
    expect(response.status).toBe(200);
    expect(await conversationStatus(conversation.id)).toBe("RESOLVED");
  });

  it("takes a bodyless POST without a Content-Type, as the inbox's buttons send it", async () => {
    const { conversation } = await customerWritesIn();
    expect(conversation.unreadCount).toBeGreaterThan(0);
    const agent = await signIn("agent@example.com");
    const response = await fetch(`${baseUrl()}/api/conversations/${conversation.id}/read`, {
      method: "POST",
      headers: { cookie: agent.cookie },
    });
    expect(response.status).toBe(200);
    expect((await db.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).unreadCount).toBe(0);
  });

  it("still accepts Meta's signed webhook, which sends no Origin, with the API's headers", async () => {
    const response = await postWebhook(inboundTextBody());
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, state: "RECEIVED" });
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("still takes multipart uploads, whole, beyond the proxy's default 10 MB", async () => {
    const { conversation } = await customerWritesIn();
    const agent = await signIn("agent@example.com");
    const small = await upload(agent, conversation.id, { bytes: png, type: "image/png", name: "pixel.png" });
    expect(small.status, await small.clone().text()).toBe(201);

    const bytes = new Uint8Array(12 * 1024 * 1024).fill(0x25);
    const large = await upload(agent, conversation.id, { bytes, type: "application/pdf", name: "catalogue.pdf" });
    expect(large.status, await large.clone().text()).toBe(201);
    const { id } = (await large.json()) as { id: string };
    expect((await db.media.findUniqueOrThrow({ where: { id } })).size).toBe(bytes.byteLength);
  });

  it("refuses a multipart body where the route expects JSON", async () => {
    const { conversation } = await customerWritesIn();
    const agent = await signIn("agent@example.com");
    const form = new FormData();
    form.set("text", "hello");
    const response = await fetch(`${baseUrl()}/api/conversations/${conversation.id}/messages`, {
      method: "POST",
      body: form,
      headers: { cookie: agent.cookie },
    });
    expect(response.status).toBe(415);
  });

  it("lets next-auth take its form posts, but not from another site", async () => {
    await expect(signIn("agent@example.com")).resolves.toMatchObject({ cookie: expect.stringContaining("session-token") });
    const csrf = await fetch(`${baseUrl()}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await fetch(`${baseUrl()}/api/auth/signout`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: EVIL,
        cookie: csrf.headers
          .getSetCookie()
          .map((c) => c.split(";")[0])
          .join("; "),
      },
      body: new URLSearchParams({ csrfToken, json: "true" }),
    });
    expect(response.status).toBe(403);
  });
});

describe("security headers", () => {
  const pages: [string, () => Promise<Session | null>][] = [
    ["/login", async () => null],
    ["/invite", async () => null],
    ["/reset-password", async () => null],
    ["/setup", async () => null],
    ["/simulator", async () => null],
    ["/no-such-page", async () => null],
    ["/inbox", () => signIn("agent@example.com")],
    ["/account", () => signIn("agent@example.com")],
    ["/settings/assignment", () => signIn("admin@example.com")],
    ["/settings/flows", () => signIn("admin@example.com")],
    ["/settings/rate-card", () => signIn("admin@example.com")],
    ["/settings/webhooks", () => signIn("admin@example.com")],
    ["/settings/users", () => signIn("admin@example.com")],
    ["/settings/audit", () => signIn("admin@example.com")],
  ];

  it.each(pages)("%s has a CSP whose fresh nonce is on every script, and no HSTS on http", async (path, session) => {
    const cookie = (await session())?.cookie;
    const load = () => fetch(`${baseUrl()}${path}`, { headers: cookie ? { cookie } : {} });
    const [response, again] = await Promise.all([load(), load()]);
    const csp = response.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce, csp).toBeTruthy();
    expect(again.headers.get("content-security-policy")).not.toContain(nonce);
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic';`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("permissions-policy")).toContain("camera=()");
    expect(response.headers.get("strict-transport-security")).toBeNull();

    // A script without the nonce would be blocked: a page rendered ahead of time has none.
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("gives API responses nosniff and a Referrer-Policy, without a page's CSP", async () => {
    const response = await fetch(`${baseUrl()}/api/health`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("content-security-policy")).toBeNull();
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });
});

describe("callbackUrl", () => {
  // The login form receives its target as a prop, serialised into the page's RSC payload.
  async function loginTarget(callbackUrl: string): Promise<string | undefined> {
    const html = await (await fetch(`${baseUrl()}/login?callbackUrl=${encodeURIComponent(callbackUrl)}`)).text();
    return /\\"callbackUrl\\":\\"([^"\\]*)\\"/.exec(html)?.[1];
  }

  it.each(["//evil.example", "/\\evil.example", `${EVIL}/inbox`, "javascript:alert(1)", "/%2F%2Fevil.example"])(
    "the login page ignores %s",
    async (callbackUrl) => {
      expect(await loginTarget(callbackUrl)).toBe("/inbox");
    },
  );

  it("the login page keeps a path of Switchboard's own", async () => {
    expect(await loginTarget("/settings/flows")).toBe("/settings/flows");
  });

  it.each(["//evil.example", `${EVIL}/inbox`])(
    "next-auth sends the browser to Switchboard, not to %s, after sign-in",
    async (callbackUrl) => {
      const csrf = await fetch(`${baseUrl()}/api/auth/csrf`);
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const response = await fetch(`${baseUrl()}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          cookie: csrf.headers
            .getSetCookie()
            .map((c) => c.split(";")[0])
            .join("; "),
        },
        body: new URLSearchParams({ csrfToken, email: "agent@example.com", password: "switchboard", callbackUrl, json: "true" }),
      });
      expect(response.headers.getSetCookie().some((c) => c.includes("session-token"))).toBe(true);
      const target = ((await response.json()) as { url: string }).url;
      expect(new URL(target).origin).toBe(baseUrl());
      expect(target).toBe(`${baseUrl()}/inbox`);
    },
  );
});
