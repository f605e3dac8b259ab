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

  it("record a statement's changes once per message, however many rows it wrote", async () => {
    // In a transaction that is rolled back, so the running fold never takes these rows.
    await client.query("BEGIN");
    try {
      const { rows: conversations } = await client.query<{ id: string; channelId: string }>(
        `SELECT c.id, i."channelId" FROM "Conversation" c JOIN "Inbox" i ON i.id = c."inboxId" ORDER BY c."createdAt" LIMIT 1`,
      );
      const conversation = conversations[0]!;
      const ids = ["sql-delta-a", "sql-delta-b", "sql-delta-c", "sql-delta-note"];
      // Three outbound messages, a private note and a customer's message, in one statement.
      await client.query(
        `INSERT INTO "Message" (id, "channelId", "conversationId", direction, type, text, status, "updatedAt", private)
         SELECT id, $2, $3, dir::"MessageDirection", 'text', 'hi', status::"MessageStatus", now(), id = 'sql-delta-note'
         FROM unnest($1::text[], $4::text[], $5::text[]) AS v(id, dir, status)`,
        [
          [...ids, "sql-delta-in"],
          conversation.channelId,
          conversation.id,
          ["OUTBOUND", "OUTBOUND", "OUTBOUND", "OUTBOUND", "INBOUND"],
          ["SENT", "SENT", "SENT", "SENT", "RECEIVED"],
        ],
      );
      const deltas = async () =>
        (
          await client.query<{ kind: number; sign: number; messageId: string | null; status: string | null }>(
            `SELECT kind, sign, "messageId", status FROM "StatsDelta"
             WHERE xmin = pg_current_xact_id()::xid AND "conversationId" = $1
             ORDER BY "messageId" NULLS FIRST, sign`,
            [conversation.id],
          )
        ).rows;
      expect(await deltas()).toEqual([
        { kind: 2, sign: 1, messageId: null, status: null },
        { kind: 0, sign: 1, messageId: "sql-delta-a", status: "SENT" },
        { kind: 0, sign: 1, messageId: "sql-delta-b", status: "SENT" },
        { kind: 0, sign: 1, messageId: "sql-delta-c", status: "SENT" },
      ]);
      await client.query(`DELETE FROM "StatsDelta" WHERE "conversationId" = $1`, [conversation.id]);

      // One UPDATE: a is read, b only gets new text (nothing the statistics keep), c and the note are untouched.
      await client.query(
        `UPDATE "Message" SET status = CASE id WHEN 'sql-delta-a' THEN 'READ'::"MessageStatus" ELSE status END,
           "readAt" = CASE id WHEN 'sql-delta-a' THEN now() END, text = 'edited'
         WHERE id = ANY($1::text[])`,
        [["sql-delta-a", "sql-delta-b", "sql-delta-note"]],
      );
      expect(await deltas()).toEqual([
        { kind: 0, sign: -1, messageId: "sql-delta-a", status: "SENT" },
        { kind: 0, sign: 1, messageId: "sql-delta-a", status: "READ" },
      ]);
      const { rows: watched } = await client.query(`SELECT "messageId" FROM "StatsReplyWatch" WHERE "messageId" = ANY($1::text[])`, [ids]);
      expect(watched).toEqual([{ messageId: "sql-delta-a" }]);
      await client.query(`DELETE FROM "StatsDelta" WHERE "conversationId" = $1`, [conversation.id]);

      await client.query(`DELETE FROM "Message" WHERE id = ANY($1::text[])`, [ids]);
      expect(await deltas()).toEqual([
        { kind: 0, sign: -1, messageId: "sql-delta-a", status: "READ" },
        { kind: 0, sign: -1, messageId: "sql-delta-b", status: "SENT" },
        { kind: 0, sign: -1, messageId: "sql-delta-c", status: "SENT" },
      ]);
    } finally {
      await client.query("ROLLBACK");
    }
  });
});
