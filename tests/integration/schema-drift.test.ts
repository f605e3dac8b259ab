import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { applyMigrations, diffDatamodels } from "@/lib/db/migrations";
import { uniqueTag } from "./factories";

// The migrations folder and prisma/schema.prisma must describe the same database: a model changed
// without a migration (or a migration edited by hand) ships a schema the code does not expect.
// One fresh database gets the migrations, another the SQL Prisma derives from the schema; their
// catalogs must match exactly.

const schemaText = readFileSync(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
const tag = uniqueTag();
const fromMigrations = `drift_migrations_${tag}`;
const fromSchema = `drift_schema_${tag}`;
const concurrent = `drift_concurrent_${tag}`;
const databases = [fromMigrations, fromSchema, concurrent];

function urlFor(database: string): string {
  const url = new URL(inject("databaseUrl"));
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(database: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlFor(database) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const adminDatabase = () => new URL(inject("databaseUrl")).pathname.slice(1);

type Catalog = Record<"tables" | "columns" | "indexes" | "constraints" | "enums", unknown[]>;

/** Everything Prisma manages in the public schema, in a stable order; the migration log excluded. */
async function catalog(database: string): Promise<Catalog> {
  return withClient(database, async (client) => {
    const rows = async (sql: string) => (await client.query(sql)).rows;
    return {
      tables: await rows(`
        SELECT table_name, table_type FROM information_schema.tables
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
        ORDER BY table_name`),
      // Not ordinal_position: a column added by a later migration comes last, and order is not drift.
      columns: await rows(`
        SELECT table_name, column_name, data_type, udt_name, character_maximum_length,
               numeric_precision, numeric_scale, datetime_precision, is_nullable, column_default, is_identity
        FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
        ORDER BY table_name, column_name`),
      indexes: await rows(`
        SELECT tablename, indexname, indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
        ORDER BY tablename, indexname`),
      constraints: await rows(`
        SELECT rel.relname AS table_name, con.conname, con.contype, pg_get_constraintdef(con.oid) AS definition
        FROM pg_constraint con
        JOIN pg_class rel ON rel.oid = con.conrelid
        JOIN pg_namespace ns ON ns.oid = rel.relnamespace
        WHERE ns.nspname = 'public' AND rel.relname <> '_prisma_migrations'
        ORDER BY rel.relname, con.conname`),
      enums: await rows(`
        SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
        FROM pg_type t
        JOIN pg_enum e ON e.enumtypid = t.oid
        JOIN pg_namespace ns ON ns.oid = t.typnamespace
        WHERE ns.nspname = 'public'
        GROUP BY t.typname
        ORDER BY t.typname`),
    };
  });
}

describe("schema drift", () => {
  beforeAll(async () => {
    await withClient(adminDatabase(), async (client) => {
      for (const database of databases) await client.query(`CREATE DATABASE "${database}"`);
    });
  });

  afterAll(async () => {
    await withClient(adminDatabase(), async (client) => {
      // FORCE, so a connection a failed test left open cannot keep the database alive.
      for (const database of databases) await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    });
  });

  it("the migrations build exactly the schema that prisma/schema.prisma describes", async () => {
    const applied = await applyMigrations({ connectionString: urlFor(fromMigrations) });
    expect(applied.length).toBeGreaterThan(0);

    const sql = await diffDatamodels({ connectionString: urlFor(fromSchema), to: schemaText });
    expect(sql).toContain("CREATE TABLE");
    await withClient(fromSchema, (client) => client.query(sql));

    const [migrated, declared] = await Promise.all([catalog(fromMigrations), catalog(fromSchema)]);
    // Guard against comparing two empty catalogs: the inbox's core tables must be there.
    expect(migrated.tables.map((row) => (row as { table_name: string }).table_name)).toEqual(
      expect.arrayContaining(["Channel", "Contact", "Conversation", "Message", "MessageStatusEvent", "User", "WebhookEvent"]),
    );
    expect(migrated.enums.length).toBeGreaterThan(0);
    expect(migrated.indexes.length).toBeGreaterThan(0);
    expect(migrated.constraints.some((row) => (row as { contype: string }).contype === "f")).toBe(true);

    expect(migrated.tables).toEqual(declared.tables);
    expect(migrated.enums).toEqual(declared.enums);
    expect(migrated.columns).toEqual(declared.columns);
    expect(migrated.indexes).toEqual(declared.indexes);
    expect(migrated.constraints).toEqual(declared.constraints);
  });

  it("applying the migrations again changes nothing", async () => {
    // Runs after the first test has migrated the database (tests in a file run in order).
    const before = await catalog(fromMigrations);
    expect(before.tables.length).toBeGreaterThan(0);
    expect(await applyMigrations({ connectionString: urlFor(fromMigrations) })).toEqual([]);
    expect(await catalog(fromMigrations)).toEqual(before);
  });

  it("releases the migration lock when done, so the next process to start is not kept waiting", async () => {
    await applyMigrations({ connectionString: urlFor(fromMigrations) });
    const held = await withClient(
      fromMigrations,
      async (client) =>
        (
          await client.query(`
          SELECT l.pid FROM pg_locks l JOIN pg_database d ON d.oid = l.database
          WHERE l.locktype = 'advisory' AND d.datname = current_database() AND l.granted`)
        ).rows,
    );
    expect(held).toEqual([]);
  });

  it("several instances starting at once all come up: one applies the migrations, the others find nothing to do", async () => {
    // Scale-out (docs/architecture.md, "Processes"): N processes run applyMigrations on start, against one database.
    const results = await Promise.all([1, 2, 3].map(() => applyMigrations({ connectionString: urlFor(concurrent) })));
    const names = results.flat();
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names).size).toBe(names.length); // each migration applied exactly once
    expect(results.filter((applied) => applied.length === 0)).toHaveLength(2);
  });

  it("the comparison notices a difference", async () => {
    // Proves the catalog query sees what drift looks like, so a green comparison above means something.
    const before = await catalog(fromMigrations);
    await withClient(fromMigrations, (client) =>
      client.query(`CREATE INDEX "drift_probe_idx" ON "Message"("type"); ALTER TABLE "Contact" ALTER COLUMN "name" SET NOT NULL`),
    );
    const after = await catalog(fromMigrations);
    expect(after.indexes).not.toEqual(before.indexes);
    expect(after.columns).not.toEqual(before.columns);
  });
});
