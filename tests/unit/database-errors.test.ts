import { describe, expect, it } from "vitest";
import { isDatabaseDown } from "@/lib/db/errors";

describe("isDatabaseDown", () => {
  it.each([
    ["connection refused", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["server shutting down", Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" })],
    [
      "no pooled connection in time",
      Object.assign(new Error("Timed out fetching a new connection from the connection pool."), { code: "P2024" }),
    ],
    [
      "no transaction in time",
      Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" }),
    ],
    [
      "the server shutting down, as Prisma reports it",
      Object.assign(new Error("Database error. Code: `57P03`. Message: `the database system is shutting down`"), {
        code: "P2039",
        meta: { driverAdapterError: { cause: { originalCode: "57P03" } } },
      }),
    ],
    ["the server starting up", new Error("the database system is starting up")],
    ["a connection that broke", new Error("Client has encountered a connection error and is not queryable")],
  ])("asks for a retry when %s", (_label, error) => {
    expect(isDatabaseDown(error)).toBe(true);
  });

  it.each([
    ["a unique violation", Object.assign(new Error("Unique constraint failed"), { code: "P2002" })],
    [
      "a query Prisma reports with its SQLSTATE",
      Object.assign(new Error("Database error"), { code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "23505" } } } }),
    ],
    ["a bug", new TypeError("Cannot read properties of undefined")],
    ["nothing", undefined],
  ])("does not for %s", (_label, error) => {
    expect(isDatabaseDown(error)).toBe(false);
  });
});
