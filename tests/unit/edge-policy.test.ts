import { describe, expect, it } from "vitest";
import { apiRefusal, commonHeaders, contentSecurityPolicy, pageHeaders, type ApiRequestFacts } from "@/lib/http/edge-policy";

const JSON_TYPE = "application/json";
const request = (facts: Partial<ApiRequestFacts>): ApiRequestFacts => ({
  method: "POST",
  pathname: "/api/conversations/c1/messages",
  contentType: JSON_TYPE,
  hasBody: true,
  sameOrigin: true,
  fetchSite: null,
  ...facts,
});

describe("apiRefusal", () => {
  it.each([
    { case: "same-origin JSON", facts: {}, code: null },
    { case: "JSON with a charset", facts: { contentType: "application/json; charset=utf-8" }, code: null },
    { case: "JSON, any case", facts: { contentType: "Application/JSON;Charset=UTF-8" }, code: null },
    { case: "JSON with another parameter", facts: { contentType: "application/json; profile=x" }, code: "UNSUPPORTED_MEDIA_TYPE" },
    { case: "a JSON look-alike", facts: { contentType: "application/jsonx" }, code: "UNSUPPORTED_MEDIA_TYPE" },
    { case: "text/plain", facts: { contentType: "text/plain" }, code: "UNSUPPORTED_MEDIA_TYPE" },
    { case: "a urlencoded form", facts: { contentType: "application/x-www-form-urlencoded" }, code: "UNSUPPORTED_MEDIA_TYPE" },
    { case: "multipart where JSON is expected", facts: { contentType: "multipart/form-data; boundary=x" }, code: "UNSUPPORTED_MEDIA_TYPE" },
    { case: "a body without a content type", facts: { contentType: null }, code: "UNSUPPORTED_MEDIA_TYPE" },
    { case: "a bodyless POST without a content type", facts: { contentType: null, hasBody: false }, code: null },
    { case: "a bodyless POST declared JSON", facts: { hasBody: false }, code: null },
    { case: "a bodyless POST declared text/plain", facts: { contentType: "text/plain", hasBody: false }, code: "UNSUPPORTED_MEDIA_TYPE" },
    { case: "PATCH with text/plain", facts: { method: "PATCH", contentType: "text/plain" }, code: "UNSUPPORTED_MEDIA_TYPE" },
    { case: "PUT with text/plain", facts: { method: "PUT", contentType: "text/plain" }, code: "UNSUPPORTED_MEDIA_TYPE" },
    { case: "DELETE with text/plain", facts: { method: "DELETE", contentType: "text/plain" }, code: "UNSUPPORTED_MEDIA_TYPE" },
    { case: "GET with text/plain", facts: { method: "GET", contentType: "text/plain" }, code: null },
    { case: "GET from another site", facts: { method: "GET", sameOrigin: false, fetchSite: "cross-site" }, code: null },
    { case: "a foreign Origin", facts: { sameOrigin: false }, code: "FORBIDDEN" },
    { case: "Sec-Fetch-Site: cross-site", facts: { fetchSite: "cross-site" }, code: "FORBIDDEN" },
    { case: "Sec-Fetch-Site: same-origin", facts: { fetchSite: "same-origin" }, code: null },
    {
      case: "a foreign Origin with text/plain: refused as cross-site first",
      facts: { sameOrigin: false, contentType: "text/plain" },
      code: "FORBIDDEN",
    },
    { case: "a bodyless POST from another site", facts: { contentType: null, hasBody: false, sameOrigin: false }, code: "FORBIDDEN" },
    { case: "a page path is not the API's business", facts: { pathname: "/inbox", contentType: "text/plain" }, code: null },
    { case: "a path that only starts like the API", facts: { pathname: "/apiary", contentType: "text/plain" }, code: null },
  ] as const)("$case → $code", ({ facts, code }) => {
    expect(apiRefusal(request(facts))?.code ?? null).toBe(code);
  });

  it.each([
    { case: "the composer's upload", pathname: "/api/conversations/c1/media", code: null },
    { case: "the simulator's Graph media upload", pathname: "/api/simulator/graph/v23.0/100000000000001/media", code: null },
    {
      case: "the simulator's Graph messages endpoint",
      pathname: "/api/simulator/graph/v23.0/100000000000001/messages",
      code: "UNSUPPORTED_MEDIA_TYPE",
    },
    { case: "a route below the upload", pathname: "/api/conversations/c1/media/x", code: "UNSUPPORTED_MEDIA_TYPE" },
  ] as const)("multipart to $case → $code", ({ pathname, code }) => {
    expect(apiRefusal(request({ pathname, contentType: "multipart/form-data; boundary=----x" }))?.code ?? null).toBe(code);
  });

  it("still takes JSON on the upload routes, and refuses text there with a message naming both", () => {
    expect(apiRefusal(request({ pathname: "/api/conversations/c1/media" }))).toBeNull();
    expect(apiRefusal(request({ pathname: "/api/conversations/c1/media", contentType: "text/plain" }))?.message).toMatch(
      /multipart\/form-data.*application\/json/,
    );
  });

  it.each([
    { case: "a urlencoded sign-in", facts: { contentType: "application/x-www-form-urlencoded" }, code: null },
    {
      case: "a sign-out from another site",
      facts: { contentType: "application/x-www-form-urlencoded", sameOrigin: false },
      code: "FORBIDDEN",
    },
    { case: "a cross-site fetch", facts: { contentType: "application/x-www-form-urlencoded", fetchSite: "cross-site" }, code: "FORBIDDEN" },
  ] as const)("next-auth: $case → $code", ({ facts, code }) => {
    expect(apiRefusal(request({ pathname: "/api/auth/callback/credentials", ...facts }))?.code ?? null).toBe(code);
  });

  it("leaves Meta's signed webhook to its route, whatever its headers", () => {
    expect(apiRefusal(request({ pathname: "/api/webhooks/whatsapp" }))).toBeNull();
    expect(
      apiRefusal(request({ pathname: "/api/webhooks/whatsapp", contentType: "text/plain", sameOrigin: false, fetchSite: "cross-site" })),
    ).toBeNull();
  });

  it("says in words what was wrong", () => {
    expect(apiRefusal(request({ contentType: "text/plain" }))?.message).toContain("application/json");
    expect(apiRefusal(request({ sameOrigin: false }))?.message).toMatch(/another website/);
  });
});

describe("security headers", () => {
  const csp = (overrides: Partial<Parameters<typeof contentSecurityPolicy>[0]> = {}) =>
    contentSecurityPolicy({ nonce: "abc123==", development: false, https: false, ...overrides });
  const directive = (policy: string, name: string) => policy.split("; ").find((part) => part.split(" ")[0] === name);

  it.each([
    ["script-src", "script-src 'self' 'nonce-abc123==' 'strict-dynamic'"],
    ["style-src", "style-src 'self' 'unsafe-inline'"],
    ["img-src", "img-src 'self' data: blob: https:"],
    ["media-src", "media-src 'self' blob:"],
    ["connect-src", "connect-src 'self'"],
    ["object-src", "object-src 'none'"],
    ["base-uri", "base-uri 'self'"],
    ["form-action", "form-action 'self'"],
    ["frame-ancestors", "frame-ancestors 'none'"],
  ])("production %s", (name, expected) => {
    expect(directive(csp(), name)).toBe(expected);
  });

  it("allows eval only in development", () => {
    expect(csp()).not.toContain("unsafe-eval");
    expect(directive(csp({ development: true }), "script-src")).toBe("script-src 'self' 'nonce-abc123==' 'strict-dynamic' 'unsafe-eval'");
  });

  it("upgrades insecure requests and sends HSTS only behind https", () => {
    expect(csp()).not.toContain("upgrade-insecure-requests");
    expect(csp({ https: true })).toContain("upgrade-insecure-requests");
    expect(commonHeaders({ https: false })).not.toHaveProperty("strict-transport-security");
    expect(commonHeaders({ https: true })).toHaveProperty("strict-transport-security", "max-age=63072000; includeSubDomains");
  });

  it("gives pages the CSP, no framing and no camera, microphone or location", () => {
    const headers = pageHeaders({ nonce: "n0nce", development: false, https: true });
    expect(headers["content-security-policy"]).toContain("'nonce-n0nce'");
    expect(headers).toMatchObject({
      "x-frame-options": "DENY",
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
      "strict-transport-security": "max-age=63072000; includeSubDomains",
    });
    expect(headers["permissions-policy"]).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  });
});
