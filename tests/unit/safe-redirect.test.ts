import { describe, expect, it } from "vitest";
import { safeRedirectPath, sameOriginRedirect } from "@/lib/http/safe-redirect";

describe("safeRedirectPath", () => {
  it.each([
    ["/inbox", "/inbox"],
    ["/inbox/c123?status=open#latest", "/inbox/c123?status=open#latest"],
    ["/settings/webhooks", "/settings/webhooks"],
    ["/inbox?q=50%25", "/inbox?q=50%25"],
    ["/", "/"],
  ])("keeps the local path %s", (value, expected) => {
    expect(safeRedirectPath(value)).toBe(expected);
  });

  it.each([
    ["a protocol-relative address", "//evil.example"],
    ["a protocol-relative address with a path", "//evil.example/inbox"],
    ["a backslash read as a slash", "/\\evil.example"],
    ["two backslashes", "\\\\evil.example"],
    ["a backslash later in the path", "/inbox\\..\\"],
    ["an absolute address", "https://evil.example"],
    ["an absolute address on http", "http://evil.example/inbox"],
    ["a javascript: URL", "javascript:alert(document.cookie)"],
    ["a data: URL", "data:text/html,<script>alert(1)</script>"],
    ["a tab the URL parser drops", "/\t/evil.example"],
    ["a newline the URL parser drops", "/\n/evil.example"],
    ["encoded slashes", "/%2F%2Fevil.example"],
    ["an encoded slash after one slash", "/%2Fevil.example"],
    ["an encoded backslash", "/%5Cevil.example"],
    ["an encoded tab", "/%09/evil.example"],
    ["a slash once encoded in the query string", "%2F%2Fevil.example"],
    ["a dot segment that normalises to //", "/..//evil.example"],
    ["a broken escape", "/inbox/%E0%A4%A"],
    ["a relative path", "inbox"],
    ["an empty string", ""],
  ])("falls back to /inbox for %s", (_case, value) => {
    expect(safeRedirectPath(value)).toBe("/inbox");
  });

  it("falls back for anything that is not one string", () => {
    expect(safeRedirectPath(undefined)).toBe("/inbox");
    expect(safeRedirectPath(["/inbox", "//evil.example"])).toBe("/inbox");
    expect(safeRedirectPath(null, "/login")).toBe("/login");
  });
});

describe("sameOriginRedirect (next-auth's redirect callback)", () => {
  const baseUrl = "https://inbox.example.com";

  it.each([
    ["/login", "https://inbox.example.com/login"],
    ["/inbox/c1?status=open", "https://inbox.example.com/inbox/c1?status=open"],
    ["https://inbox.example.com/settings/flows", "https://inbox.example.com/settings/flows"],
    ["https://inbox.example.com", "https://inbox.example.com/"],
  ])("keeps %s on Switchboard", (url, expected) => {
    expect(sameOriginRedirect({ url, baseUrl })).toBe(expected);
  });

  it.each([
    "https://evil.example/inbox",
    "https://inbox.example.com.evil.example/",
    "http://inbox.example.com/inbox",
    "https://inbox.example.com:8443/inbox",
    "//evil.example",
    "/\\evil.example",
    "javascript:alert(1)",
    "not a url",
  ])("sends %s to the inbox instead", (url) => {
    expect(sameOriginRedirect({ url, baseUrl })).toBe("https://inbox.example.com/inbox");
  });
});
