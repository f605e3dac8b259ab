import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { callingCodeOf, callingCodes } from "@/lib/stats/countries";
import { bucketOf, bucketSql } from "@/lib/stats/histogram";

// The statistics' rules that live twice, in TypeScript and in the database, must agree.

const client = new pg.Client({ connectionString: inject("databaseUrl") });
beforeAll(() => client.connect());
afterAll(() => client.end());

describe("the statistics in SQL and TypeScript", () => {
  it("share one calling-code table", async () => {
    const { rows } = await client.query<{ code: string; country: string }>(`SELECT code, country FROM "CallingCode"`);
    expect(Object.fromEntries(rows.map((row) => [row.code, row.country]))).toEqual(callingCodes);
    const numbers = ["919876543210", "14155550142", "447700900123", "9779812345678", "97150123456", "99012345678"];
    const { rows: matched } = await client.query<{ code: string | null }>(
      `SELECT stats_calling_code(n) AS code FROM unnest($1::text[]) WITH ORDINALITY AS x(n, i) ORDER BY i`,
      [numbers],
    );
    expect(matched.map((row) => row.code)).toEqual(numbers.map(callingCodeOf));
  });

  it("put every latency in the same histogram bucket", async () => {
    const seconds = [0, 1, 59, 60, 61, 65, 66, 72, 73, 119, 120, 599, 600, 3_600, 86_399, 86_400, 604_800, 2_592_000, 99_999_999];
    const { rows } = await client.query<{ bucket: number }>(
      `SELECT ${bucketSql("s")} AS bucket FROM unnest($1::float8[]) WITH ORDINALITY AS x(s, i) ORDER BY i`,
      [seconds],
    );
    expect(rows.map((row) => row.bucket)).toEqual(seconds.map(bucketOf));
  });

  it("tell message kinds and templates apart", async () => {
    const { rows } = await client.query(
      `SELECT stats_kind(t, c::jsonb) AS kind, stats_template(t, c::jsonb) AS template FROM (VALUES
         ('template', '{"template":{"name":"order_update","language":{"code":"en_US"}}}'),
         ('interactive', '{"interactive":{"type":"flow"}}'), ('interactive', '{"interactive":{"type":"list"}}'),
         ('audio', '{}'), ('text', '{}'), ('location', '{}')) AS v(t, c)`,
    );
    expect(rows).toEqual([
      { kind: "template", template: "order_update:en_US" },
      { kind: "flow", template: null },
      { kind: "interactive", template: null },
      { kind: "media", template: null },
      { kind: "text", template: null },
      { kind: "text", template: null },
    ]);
  });
});
