import { describe, expect, it } from "vitest";
import { inviteSchema, updateAccountSchema, updateUserSchema } from "@/lib/users/schemas";

// What the users and account API accepts, before any database is asked.

describe("inviteSchema", () => {
  it.each([
    [
      { email: "  Rita@Example.COM ", role: "AGENT" },
      { email: "rita@example.com", role: "AGENT", inboxIds: [], teamIds: [] },
    ],
    [
      { email: "sam@example.com", name: "  Sam  ", role: "MANAGER", inboxIds: ["c1"] },
      { email: "sam@example.com", name: "Sam", role: "MANAGER", inboxIds: ["c1"], teamIds: [] },
    ],
    [
      { email: "ada@example.com", name: null, role: "ADMIN" },
      { email: "ada@example.com", name: null, role: "ADMIN", inboxIds: [], teamIds: [] },
    ],
  ])("accepts %j", (input, parsed) => {
    expect(inviteSchema.parse(input)).toEqual(parsed);
  });

  it.each([
    [{ email: "not-an-address", role: "AGENT" }, "email"],
    [{ email: "a@example.com", role: "OWNER" }, "role"],
    [{ email: "a@example.com", role: "AGENT", name: "" }, "name"],
    [{ email: "a@example.com", role: "AGENT", inboxIds: "c1" }, "inboxIds"],
    [{ email: "a@example.com", role: "AGENT", admin: true }, ""],
  ])("refuses %j at %s", (input, path) => {
    const result = inviteSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path.join(".")).toBe(path);
  });
});

describe("updateAccountSchema", () => {
  it.each([
    [{ locale: "hi", timeZone: "Asia/Kolkata" }, true],
    [{ locale: "tl", timeZone: "Asia/Manila" }, true],
    [{ locale: null, timeZone: null }, true],
    [{ name: "Tala" }, true],
    [{ locale: "fr" }, false],
    [{ locale: "en-US" }, false],
    [{ timeZone: "Mars/Olympus" }, false],
    [{ timeZone: "" }, false],
    [{ name: "   " }, false],
    [{ email: "new@example.com" }, false],
  ])("%j → %s", (input, ok) => {
    expect(updateAccountSchema.safeParse(input).success).toBe(ok);
  });
});

describe("updateUserSchema", () => {
  it.each([
    [{ role: "MANAGER" }, true],
    [{ inboxIds: [], teamIds: ["t1"] }, true],
    [{ role: "SUPERUSER" }, false],
    [{ active: false }, false],
  ])("%j → %s", (input, ok) => {
    expect(updateUserSchema.safeParse(input).success).toBe(ok);
  });
});
