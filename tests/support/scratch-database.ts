import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/**
 * A new, empty database in the suite's PostgreSQL cluster, for a second server that must start from
 * nothing or with settings of its own, without touching anyone else's data.
 */
export async function scratchDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  await asSuperuser(`CREATE DATABASE "${name}"`);
  const url = new URL(inject("databaseUrl"));
  url.pathname = `/${name}`;
  // FORCE, so a connection the server left open cannot keep the database alive.
  return { url: url.toString(), drop: () => asSuperuser(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

async function asSuperuser(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
