import type pg from "pg";

// The statistics' triggers (migration statistics_rollups and its successors): every trigger whose
// function writes StatsDelta or fills the statistics' columns. Found in the catalog rather than
// named, so the comparison keeps working when they change.

export type Trigger = { table: string; name: string };

export async function statisticsTriggers(client: pg.Client): Promise<Trigger[]> {
  const { rows } = await client.query<Trigger>(
    `SELECT c.relname AS table, t.tgname AS name
     FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
     WHERE NOT t.tgisinternal AND (p.prosrc LIKE '%StatsDelta%' OR p.proname LIKE '%stats%')
     ORDER BY 1, 2`,
  );
  if (rows.length === 0) throw new Error("No statistics triggers found: nothing to compare");
  return rows;
}

export async function setTriggers(client: pg.Client, triggers: Trigger[], action: "ENABLE" | "DISABLE"): Promise<void> {
  for (const { table, name } of triggers) await client.query(`ALTER TABLE "${table}" ${action} TRIGGER "${name}"`);
}
