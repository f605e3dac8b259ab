import { afterAll, describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { baseUrl, signIn } from "../support/http";
import { customerWritesIn } from "./factories";

// route() over real HTTP: who the caller is decides before anything they sent is read, so a caller
// without the permission never learns the route's input rules; then params, query and body are
// refused with the field paths.

afterAll(() => disconnectDb());

const MALFORMED = "{not json";
const anonymous = (path: string, init?: RequestInit) =>
  fetch(`${baseUrl()}${path}`, { ...init, headers: { "content-type": "application/json", ...init?.headers } });

describe("route() — order of checks", () => {
  it("answers a signed-out caller 401 even when the body is malformed", async () => {
    const { conversation } = await customerWritesIn();
    const response = await anonymous(`/api/conversations/${conversation.id}`, { method: "PATCH", body: MALFORMED });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });
  });

  it("answers a role without the permission 403 even when the body or query is malformed", async () => {
    const agent = await signIn("agent@example.com");
    const put = await agent.fetch("/api/rate-card", { method: "PUT", body: MALFORMED });
    expect(put.status).toBe(403);
    expect(await put.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
    expect((await agent.fetch("/api/webhook-events?limit=5000")).status).toBe(403);
  });

  it("answers a caller with the permission 400 for malformed JSON, and with field paths for a bad body", async () => {
    const admin = await signIn("admin@example.com");
    const malformed = await admin.fetch("/api/rate-card", { method: "PUT", body: MALFORMED });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: "INVALID_INPUT", message: "The request body is not valid JSON." } });

    const invalid = await admin.fetch("/api/rate-card", {
      method: "PUT",
      body: JSON.stringify({ rates: [{ category: "MARKETING", countryCode: "49", price: -1 }] }),
    });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: { code: "INVALID_INPUT", details: [{ path: "rates.0.price" }] } });
  });

  it("answers a bad query parameter with 400 naming it", async () => {
    const admin = await signIn("admin@example.com");
    const response = await admin.fetch("/api/webhook-events?limit=5000");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { details: [{ path: "limit" }] } });
  });

  it("answers route segments that fail their schema with 400 naming them", async () => {
    const response = await anonymous("/api/simulator/customers/not-a-number");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { details: [{ path: "waId" }] } });
  });
});
